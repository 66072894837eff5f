package com.texterchat.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One webhook the simulator's scenario engine sent (a {@code request} action of an imported scenario).
 *
 * @param scenarioId the scenario (subscription) that sent it
 * @param scenarioName the scenario's name
 * @param trigger the trigger event that ran it
 * @param method the HTTP method, upper case
 * @param url the receiver's URL, placeholders resolved
 * @param headers the request headers the action set
 * @param body the JSON body sent, placeholders resolved
 * @param at when it was sent, on the simulator's clock
 * @param status the receiver's HTTP status, empty when the receiver could not be reached
 * @param error why the receiver could not be reached, empty when it answered
 */
public record WebhookDelivery(
        String scenarioId,
        String scenarioName,
        String trigger,
        String method,
        String url,
        Map<String, String> headers,
        JsonNode body,
        Instant at,
        OptionalInt status,
        Optional<String> error) {

    /** Copies the headers so the record cannot change afterwards. */
    public WebhookDelivery {
        headers = Map.copyOf(headers);
        body = body.deepCopy();
    }
}
