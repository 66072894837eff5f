package com.texterchat.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What an error response consists of; handed from the factory to the exception constructors. */
record HttpFailure(String operation, int status, @Nullable String responseBody, @Nullable JsonNode responseJson,
        String message, List<String> requiredScopes, @Nullable Duration retryAfter,
        Map<String, List<String>> headers) {
}
