package com.texterchat.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The bodies the benchmarks send and answer, taken from the spec ({@code openapi.json} inside
 * {@code texter-api-generated}) so that they look like what Texter really sends.
 */
public final class Payloads {

    /** The chat a message is sent to (the spec's example chat). */
    public static final String CHAT_ID = "67bf11038b24880cc966f799";
    /** How many chats the Search Chats answer holds: Texter's default page size. */
    public static final int SEARCH_PAGE_SIZE = 30;

    private static final String SPEC = "META-INF/texter/openapi.json";
    private static final String WEBHOOK = "com/texterchat/benchmarks/newIncomingMessage.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** The Send a Message body: the spec's text example. */
    public static SessionMessage textMessage() {
        return new SessionMessage().type(OutgoingMessageType.TEXT).text("Hey there!");
    }

    /** Texter's answer to Send a Message: the spec's example (the stored message). */
    public static byte[] sendMessageAnswer() {
        return bytes(responseExample("/messages/send/{chatId}", "post"));
    }

    /**
     * Texter's answer to Search Chats with {@code count} chats: the spec's example chat, repeated with its own ID,
     * name, phone number and times for each.
     */
    public static byte[] searchChatsAnswer(int count) {
        JsonNode example = responseExample("/chats/search", "get");
        ObjectNode chat = (ObjectNode) example.path("data").path(0);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < count; i++) {
            ObjectNode copy = chat.deepCopy();
            String phone = String.format(Locale.ROOT, "+9725212%05d", i);
            copy.put("_id", String.format(Locale.ROOT, "67bf11038b24880cc966%04x", i));
            copy.put("title", "Customer " + (i + 1));
            copy.put("clientPhone", phone);
            copy.put("clientPhoneE164", phone);
            ((ObjectNode) copy.path("channelInfo")).put("id", phone.substring(1));
            copy.put("last_message_timestamp", 1762012091000L - i * 60_000L);
            copy.put("lastIncomingMessageTimestamp", 1762012091000L - i * 60_000L);
            data.add(copy);
        }
        answer.put("total", count);
        return bytes(answer);
    }

    /**
     * A {@code newIncomingMessage} webhook delivery of about 5 KB: the spec's example grown to what a busy inbox
     * sends (a reply to an earlier message, a bot session with collected answers, CRM data, several labels and
     * person chats, and the {@code projectId} some scenarios add to the envelope).
     */
    public static byte[] newIncomingMessageWebhook() {
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(WEBHOOK)) {
            if (in == null) {
                throw new IllegalStateException(WEBHOOK + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode responseExample(String path, String method) {
        JsonNode example = spec().path("paths").path(path).path(method).path("responses").path("200")
                .path("content").path("application/json").path("examples").path("default").path("value");
        if (!example.isObject()) {
            throw new IllegalStateException("openapi.json has no default 200 example for " + method + " " + path);
        }
        return example;
    }

    private static JsonNode spec() {
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException(SPEC + " is missing; it ships in texter-api-generated");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
