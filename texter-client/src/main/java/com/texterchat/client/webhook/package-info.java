/**
 * Reading the webhook deliveries Texter POSTs to your endpoint. {@link com.texterchat.client.webhook.TexterWebhooks}
 * parses a request body into a {@link com.texterchat.client.webhook.WebhookEvent}: a
 * {@link com.texterchat.client.webhook.KnownWebhookEvent} whose data is the generated {@code *EventData} model of
 * its {@code eventName}, or an {@link com.texterchat.client.webhook.UnknownWebhookEvent} for event names this SDK
 * version does not know (they are passed on, not rejected). Keys next to {@code eventName} and {@code eventData},
 * such as the {@code projectId} some scenarios add, are kept as extras.
 */
@NullMarked
package com.texterchat.client.webhook;

import org.jspecify.annotations.NullMarked;
