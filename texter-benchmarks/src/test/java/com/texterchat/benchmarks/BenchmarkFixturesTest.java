package com.texterchat.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.benchmarks.client.CannedTexterServer;
import com.texterchat.benchmarks.client.RawCalls;
import com.texterchat.benchmarks.client.SdkCalls;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.NewIncomingMessageEventData;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they claim: both clients do the same work, the payloads are what they say. */
class BenchmarkFixturesTest {

    @Test
    void theSdkAndTheHandWrittenClientGetTheSameAnswersFromTheCannedServer() throws Exception {
        try (CannedTexterServer server = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                Payloads.searchChatsAnswer(Payloads.SEARCH_PAGE_SIZE));
             RawCalls raw = new RawCalls(server.apiBaseUrl(), "t");
             SdkCalls sdk = new SdkCalls(server.apiBaseUrl(), "t")) {
            ChatSearchResult found = sdk.searchChats("Customer", Payloads.SEARCH_PAGE_SIZE);

            assertThat(found).isEqualTo(raw.searchChats("Customer", Payloads.SEARCH_PAGE_SIZE));
            assertThat(found.getData()).hasSize(30);
            assertThat(found.getData().stream().map(Chat::getId).collect(Collectors.toSet())).hasSize(30);
            assertThat(found.getData().get(0).getCreated()).isNotNull();
            assertThat(sdk.sendMessage(Payloads.CHAT_ID, Payloads.textMessage()))
                    .isEqualTo(raw.sendMessage(Payloads.CHAT_ID, Payloads.textMessage()))
                    .satisfies(sent -> assertThat(sent.getSuccess()).isTrue());
        }
    }

    @Test
    void theCannedServerRefusesRequestsWithoutTheTokenUnknownPathsAndChunkedBodies() throws Exception {
        try (CannedTexterServer server = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                Payloads.searchChatsAnswer(1))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(server.apiBaseUrl()
                    + "/chats/search")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create(server.apiBaseUrl()
                    + "/chats/search")).header("Authorization", "Bearer t").DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());

            HttpResponse<String> otherPath = http.send(HttpRequest.newBuilder(URI.create(server.apiBaseUrl()
                    + "/labels")).header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(server.apiBaseUrl()
                    + "/messages/send/c1")).header("Authorization", "Bearer t")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[10])))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(wrongMethod.statusCode()).isEqualTo(404);
            assertThat(otherPath.statusCode()).isEqualTo(404);
            assertThat(chunked.statusCode()).isEqualTo(411);
        }
    }

    @Test
    void theCannedServerAnswersUnreadableRequestHeadsWith400() throws Exception {
        try (CannedTexterServer server = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                Payloads.searchChatsAnswer(1))) {
            String path = URI.create(server.apiBaseUrl()).getPath();
            assertThat(rawExchange(server, "GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
            assertThat(rawExchange(server, "POST " + path + "/messages/send/c1 HTTP/1.1\r\nAuthorization: Bearer t\r\n"
                    + "Content-Length: twelve\r\n\r\n")).startsWith("HTTP/1.1 400 ");
            assertThat(rawExchange(server, "GET " + path + "/chats/search HTTP/1.1\r\nX-Padding: " + "x".repeat(17_000)
                    + "\r\n\r\n")).startsWith("HTTP/1.1 400 ");
            assertThat(rawExchange(server, "GET " + path + "/chats/search HTTP/1.1\r\nAuthorization: Bearer t\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        }
    }

    /** Sends raw bytes on a new connection and reads until the server closes it. */
    private static String rawExchange(CannedTexterServer server, String request) throws Exception {
        URI uri = URI.create(server.apiBaseUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theWebhookIsAFiveKilobyteIncomingMessageThatParsesCompletely() throws Exception {
        byte[] body = Payloads.newIncomingMessageWebhook();
        assertThat(body.length).isBetween(4500, 5500);

        WebhookEvent event = TexterWebhooks.parse(body);
        NewIncomingMessageEventData data = event.dataAs(NewIncomingMessageEventData.class).orElseThrow();

        JsonNode tree = new ObjectMapper().readTree(body);
        assertThat(event.eventDataJson()).isEqualTo(tree.get("eventData"));
        assertThat(event.extra("projectId")).contains("acme-logistics");
        assertThat(data.getChat().getPreviousBotSession()).isNotNull();
        assertThat(data.getMessage().getContext()).containsKey("text");
    }
}
