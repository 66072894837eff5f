package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One event of the simulated project, as Texter's scenario engine sees it.
 *
 * @param trigger the trigger event name, for example {@code domain.message.created} or {@code app.message.statusRequest}
 * @param providers the data the event provides, by provider name; each value is an object whose fields are the
 *     provider's keys (a dotted key such as {@code chat.accountId} is a path into it). For example provider
 *     {@code message} has keys {@code message} (the message view) and {@code parent_chat} (the chat id), provider
 *     {@code chat} has {@code chat} (the chat view) and {@code externalBot}.
 */
public record SimEvent(String trigger, Map<String, JsonNode> providers) {

    /** Copies the map so the event cannot change afterwards. */
    public SimEvent {
        providers = Map.copyOf(providers);
    }
}
