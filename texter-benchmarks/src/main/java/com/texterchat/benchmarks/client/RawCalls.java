package com.texterchat.benchmarks.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The same calls as a competent developer writes them without the SDK: one shared {@link HttpClient}, one shared
 * {@link ObjectMapper}, a timeout per request, the status checked, the body bound to a typed model. It binds the
 * SDK's generated model classes (with the Jackson modules they need), so the comparison measures the SDK's
 * plumbing, not a different data model.
 */
public final class RawCalls implements TexterCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String authorization;

    /**
     * A hand-written client for the given server.
     *
     * @param apiBaseUrl e.g. {@code http://127.0.0.1:<port>/server/api/v2}
     * @param token      the bearer token
     */
    public RawCalls(String apiBaseUrl, String token) {
        // HTTP/1.1 like the SDK on a plain-http loopback URL (Texter itself is https, where both negotiate).
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new JsonNullableModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.baseUrl = apiBaseUrl;
        this.authorization = "Bearer " + token;
    }

    @Override
    public SendMessageResponse sendMessage(String chatId, SessionMessage message) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/messages/send/"
                            + URLEncoder.encode(chatId, StandardCharsets.UTF_8)))
                    .timeout(TIMEOUT)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(message)))
                    .build();
            return send(request, SendMessageResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ChatSearchResult searchChats(String search, int limit) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chats/search?search="
                        + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&limit=" + limit))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .GET()
                .build();
        return send(request, ChatSearchResult.class);
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
