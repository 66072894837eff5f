/**
 * The webhook receiver as a Jakarta Servlet: {@link com.texterchat.client.webhook.servlet.TexterWebhookServlet}.
 * The Servlet API ({@code jakarta.servlet-api} 6.0 or later) is an optional dependency of the client: an
 * application using this package runs in a servlet container, which provides it.
 */
@NullMarked
package com.texterchat.client.webhook.servlet;

import org.jspecify.annotations.NullMarked;
