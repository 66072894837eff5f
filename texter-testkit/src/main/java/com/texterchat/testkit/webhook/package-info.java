/**
 * Texter webhook payloads for testing receivers: {@link com.texterchat.testkit.webhook.WebhookPayloads}
 * builds the exact envelope Texter POSTs for each of its webhook events, and
 * {@link com.texterchat.testkit.webhook.WebhookSender} delivers it to your endpoint.
 */
@NullMarked
package com.texterchat.testkit.webhook;

import org.jspecify.annotations.NullMarked;
