package com.texterchat.testkit.internal.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

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

    SimChat(String id, String phone, String accountId, ObjectNode doc) {
        this.id = id;
        this.phone = phone;
        this.accountId = accountId;
        this.doc = doc;
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
