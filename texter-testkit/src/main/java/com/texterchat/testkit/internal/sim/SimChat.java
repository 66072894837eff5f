package com.texterchat.testkit.internal.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.testkit.internal.Json;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chat of the simulated project: its stored document (the full chat object as Search Chats shows it, plus
 * {@code lastMessage}) and its messages in time order.
 */
final class SimChat {

    final String id;
    /** E.164 digits without {@code +}, as {@code channelInfo.id}. */
    final String phone;
    final String accountId;
    final ObjectNode doc;
    /** Messages, oldest first (by timestamp, then by arrival). */
    final List<ObjectNode> messages = new ArrayList<>();
    /**
     * The JSON of messages Get Messages of a Chat already wrote, by identity: a page is mostly the same messages
     * again, and writing them was most of that operation's time. A message that changes after it was stored
     * (a status) is dropped from it by {@link #changed}; the model's lock guards both.
     */
    private final Map<ObjectNode, String> written = new IdentityHashMap<>();

    SimChat(String id, String phone, String accountId, ObjectNode doc) {
        this.id = id;
        this.phone = phone;
        this.accountId = accountId;
        this.doc = doc;
    }

    /** A stored message as JSON, written once until it changes. */
    String json(ObjectNode message) {
        return written.computeIfAbsent(message, Json::write);
    }

    /** Forgets the JSON of a message that changed. */
    void changed(ObjectNode message) {
        written.remove(message);
    }

    long lastIncoming() {
        return doc.path("lastIncomingMessageTimestamp").asLong(0);
    }

    long lastMessageTime() {
        return doc.path("last_message_timestamp").asLong(0);
    }

    int status() {
        return doc.path("status").asInt(0);
    }
}
