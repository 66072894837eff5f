package com.texterchat.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** What an error response consists of; handed from the factory to the exception constructors. */
record HttpFailure(String operation, int status, String responseBody, JsonNode responseJson, String message,
        List<String> requiredScopes, Duration retryAfter) {
}
