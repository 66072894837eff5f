package com.texterchat.testkit.internal.sim;

import static com.texterchat.testkit.internal.sim.SimModel.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What happens in the simulated project without an API call: customers write, providers report statuses, agents take
 * and resolve chats, WhatsApp decides on templates, channels break and recover. Each change emits the event Texter's
 * scenario engine would see. Every method throws {@link IllegalArgumentException} for unknown ids.
 */
public final class SimActions {

    private final SimModel m;

    /** Actions on a model. */
    public SimActions(SimModel model) {
        this.m = model;
    }

    /**
     * A contact writes to the project: the chat of that phone on the account (created when new) gets an incoming
     * message; a resolved chat goes back to the bot with a new bot session.
     *
     * @param phone the contact's phone in any form
     * @param accountId the business account written to, null for the project's first account
     * @param content the message's content fields ({@code type} and {@code text}, {@code media}, {@code postback}...)
     * @return the stored message, a copy
     */
    public ObjectNode incoming(String phone, @Nullable String accountId, ObjectNode content, @Nullable String title) {
        return m.run(() -> {
            String digits = m.requirePhone(phone, "phone");
            String account = accountId == null ? m.defaultAccount() : accountId;
            if (!m.hasAccount(account)) {
                throw new IllegalArgumentException("The project has no account " + account);
            }
            SimChat chat = m.chatFor(digits, account, title);
            ObjectNode doc = chat.doc;
            if (chat.status() == SimModel.RESOLVED) {
                JsonNode previous = doc.get("botState");
                if (previous != null) {
                    doc.set("previousBotSession", previous.deepCopy());
                }
                doc.putObject("botState").put("id", SimModel.token("bot-session:" + chat.id + ":" + m.nextId()));
                doc.put("status", SimModel.BOT);
            }
            ObjectNode message = m.newMessage(chat, "incoming", m.millis());
            for (Map.Entry<String, JsonNode> field : content.properties()) {
                message.set(field.getKey(), field.getValue().deepCopy());
            }
            String session = doc.path("botState").path("id").asText(null);
            if (session != null && chat.status() == SimModel.BOT) {
                message.put("botSessionId", session);
            }
            for (JsonNode media : message.path("media")) {
                if (media instanceof ObjectNode item && !item.has("fileId")) {
                    item.put("fileId", m.nextId());
                }
            }
            m.addMessage(chat, message);
            doc.put("unreadCount", doc.path("unreadCount").asInt(0) + 1);
            m.emitMessageCreated(chat, message);
            return message.deepCopy();
        });
    }

    /**
     * The provider reports a new delivery status of an outgoing message (statuses 4 and 5 are failures).
     *
     * @param messageId the message's {@code _id}
     * @param status the status number (0-6)
     * @param error the provider's error text for a failure, or null
     */
    public ObjectNode messageStatus(String messageId, int status, @Nullable String error) {
        return m.run(() -> {
            ObjectNode message = m.messagesById.get(messageId);
            if (message == null) {
                throw new IllegalArgumentException("The project has no message " + messageId);
            }
            SimChat chat = m.chatOfMessage.get(messageId);
            long time = m.millis();
            chat.changed(message);
            message.put("status", status);
            SimScenarios.arr(message, "statusHistory").addObject()
                    .put("status", status).put("timestamp", time);
            message.put("updatedAt", SimModel.iso(time));
            if (error != null) {
                message.put("errorReason", error);
                chat.doc.put("hasMessageError", true);
            }
            ObjectNode request = NODES.objectNode();
            request.putArray("ids").add(message.path("channelInfo").path("id").asText(messageId));
            request.put("status", status);
            request.put("timestamp", time);
            if (error == null) {
                request.putNull("error");
            } else {
                request.put("error", error); // the provider's text, as messageFailed's page shows it
            }
            ObjectNode chatRef = request.putObject("chat");
            chatRef.put("id", chat.phone);
            chatRef.put("accountId", chat.accountId);
            chatRef.put("name", chat.doc.path("channelInfo").path("name").asText("whatsapp"));
            m.emit("app.message.statusRequest", Map.of("messageStatusRequest", request));
            return message.deepCopy();
        });
    }

    /**
     * An agent takes a chat: status ASSIGNED with the agent; emits {@code domain.chat.assigned}.
     *
     * @param agent {@code _id}, {@code displayName}, {@code email}, {@code crmId}, {@code roles}
     */
    public void agentTakes(String chatId, ObjectNode agent) {
        m.run(() -> {
            SimChat chat = chat(chatId);
            ObjectNode known = m.agentFor(SimModel.text(agent, "_id"), SimModel.text(agent, "email"),
                    SimModel.text(agent, "crmId"));
            for (Map.Entry<String, JsonNode> field : agent.properties()) {
                known.set(field.getKey(), field.getValue().deepCopy());
            }
            ObjectNode chatAgent = chat.doc.putObject("agent");
            chatAgent.put("uid", known.path("_id").asText());
            chatAgent.put("displayName", known.path("displayName").asText(""));
            chat.doc.put("status", SimModel.ASSIGNED);
            chat.doc.put("unreadCount", 0);
            m.touch(chat);
            Map<String, JsonNode> providers = new LinkedHashMap<>();
            providers.put("chat", SimModel.chatProvider(chat));
            providers.put("agent", known.deepCopy());
            m.emit("domain.chat.assigned", providers);
            return Boolean.TRUE;
        });
    }

    /** The chat's agent resolves it (as Resolve Chat does, the agent staying on the chat). */
    public void agentResolves(String chatId) {
        m.run(() -> {
            m.resolve(chat(chatId));
            return Boolean.TRUE;
        });
    }

    /** The external bot of a chat is switched (as by Update Chat Properties); emits the externalBot events. */
    public void externalBot(String chatId, boolean enabled) {
        m.run(() -> {
            SimChat chat = chat(chatId);
            if (chat.doc.path("externalBot").asBoolean(false) != enabled) {
                chat.doc.put("externalBot", enabled);
                m.touch(chat);
                m.emitChat("app.bot.chat.setExternal", chat);
            }
            return Boolean.TRUE;
        });
    }

    /**
     * WhatsApp decides on a submitted localization.
     *
     * @param status APPROVED or REJECTED
     * @throws IllegalArgumentException when no template of that name has that localization
     */
    public void templateDecision(String name, String language, String status, @Nullable String reason) {
        m.run(() -> {
            if (!m.decideTemplate(name, language, status, reason)) {
                throw new IllegalArgumentException("The project has no template " + name + " with a localization "
                        + language);
            }
            return Boolean.TRUE;
        });
    }

    /** A channel health problem starts; emits {@code domain.channel.health.problem.created}. */
    public ObjectNode channelProblem(ObjectNode fields) {
        return m.run(() -> {
            ObjectNode problem = NODES.objectNode();
            problem.put("_id", m.nextId());
            problem.put("channel", "whatsapp");
            problem.put("accountId", m.defaultAccount());
            problem.put("createdAt", m.millis());
            problem.put("startedAt", m.millis());
            problem.setAll(fields.deepCopy());
            m.problems.put(problem.path("_id").asText(), problem);
            m.emit("domain.channel.health.problem.created", Map.of("problem", SimOperations.problemProvider(problem)));
            return problem.deepCopy();
        });
    }

    /** A channel health problem ends; emits {@code domain.channel.health.problem.resolved}. */
    public ObjectNode channelRecovered(String problemId) {
        return m.run(() -> {
            ObjectNode problem = m.problems.get(problemId);
            if (problem == null) {
                throw new IllegalArgumentException("The project has no channel health problem " + problemId);
            }
            if (!problem.hasNonNull("resolvedAt")) {
                problem.put("resolvedAt", m.millis());
                m.emit("domain.channel.health.problem.resolved",
                        Map.of("problem", SimOperations.problemProvider(problem)));
            }
            return problem.deepCopy();
        });
    }

    /** The chat of an id, for the public API's lookups. */
    public ObjectNode chatView(String chatId) {
        return m.run(() -> SimModel.fullChat(chat(chatId)));
    }

    /** The id of the chat of a phone, or null. */
    public @Nullable String chatIdOf(String phone) {
        return m.run(() -> {
            SimChat chat = m.findChat(m.requirePhone(phone, "phone"), null);
            return chat == null ? null : chat.id;
        });
    }

    private SimChat chat(String chatId) {
        SimChat chat = m.chats.get(chatId);
        if (chat == null) {
            throw new IllegalArgumentException("The project has no chat " + chatId);
        }
        return chat;
    }
}
