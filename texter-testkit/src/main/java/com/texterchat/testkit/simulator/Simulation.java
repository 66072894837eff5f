package com.texterchat.testkit.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.model.Message;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.Problem;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.sim.SimActions;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happens in the simulated Texter project without your code calling the API, in Texter's terms: a customer
 * writes, WhatsApp reports a delivery status, an agent takes or resolves a chat, a template is approved, a channel
 * breaks. Obtained from {@link TexterSimulator#simulate()}.
 *
 * <p>Each call changes the project as Texter would and emits the event Texter's scenario engine sees
 * ({@code domain.message.created}, {@code app.message.statusRequest}, {@code domain.chat.assigned}, ...), which runs
 * every active imported subscription whose trigger matches. Webhooks are delivered before the call returns, so a
 * test can assert on {@link TexterSimulator#deliveries()} right after; a receiver that cannot be reached is
 * recorded, never thrown. Unknown ids and phone numbers that are no phone numbers throw
 * {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * Message hello = simulator.simulate().incomingMessage("0521234567", "Is my order ready?");
 * simulator.simulate().messageStatus(sentId, MessageStatus.SEEN);
 * }</pre>
 */
public final class Simulation {

    private final SimActions actions;

    Simulation(SimActions actions) {
        this.actions = actions;
    }

    /**
     * The contact with this phone writes a text message to the project's first account. A new contact gets a new
     * chat (status BOT); a resolved chat goes back to the bot. Opens WhatsApp's 24-hour window.
     *
     * @param phone the contact's number in any form ({@code 0521234567}, {@code +972521234567})
     * @return the stored message, as Get Messages of a Chat returns it
     */
    public Message incomingMessage(String phone, String text) {
        Objects.requireNonNull(text, "text");
        ObjectNode content = Json.mapper().createObjectNode();
        content.put("type", "text");
        content.put("text", text);
        return message(actions.incoming(phone, null, content, null));
    }

    /**
     * The contact writes to a given business account, with a profile name for a new chat.
     *
     * @param accountId the business account (for WhatsApp, its number as digits)
     * @param title the contact's profile name for a new chat, or null for their number
     */
    public Message incomingMessage(String phone, String accountId, @Nullable String title, String text) {
        Objects.requireNonNull(text, "text");
        ObjectNode content = Json.mapper().createObjectNode();
        content.put("type", "text");
        content.put("text", text);
        return message(actions.incoming(phone, accountId, content, title));
    }

    /**
     * The contact sends a file; the message gets a new {@code fileId} that Generate Public Media URL accepts.
     *
     * @param mediaType {@code image}, {@code video}, {@code document}, {@code audio} or {@code sticker}
     * @param filename the file's name, e.g. {@code receipt.pdf}
     * @param contentType its MIME type, e.g. {@code application/pdf}
     * @param caption the caption, or null
     */
    public Message incomingMedia(String phone, String mediaType, String filename, String contentType,
            @Nullable String caption) {
        ObjectNode content = Json.mapper().createObjectNode();
        content.put("type", "media");
        ObjectNode item = content.putArray("media").addObject();
        item.put("mediaType", Objects.requireNonNull(mediaType, "mediaType"));
        item.put("filename", Objects.requireNonNull(filename, "filename"));
        item.put("contentType", Objects.requireNonNull(contentType, "contentType"));
        if (caption != null) {
            item.put("caption", caption);
        }
        return message(actions.incoming(phone, null, content, null));
    }

    /**
     * The contact taps a reply button or picks a list row of a message they received.
     *
     * @param payload the button's or row's id (payload)
     * @param title its title
     */
    public Message postback(String phone, String payload, String title) {
        ObjectNode content = Json.mapper().createObjectNode();
        content.put("type", "postback");
        ObjectNode postback = content.putObject("postback");
        postback.put("payload", Objects.requireNonNull(payload, "payload"));
        postback.put("title", Objects.requireNonNull(title, "title"));
        return message(actions.incoming(phone, null, content, null));
    }

    /**
     * WhatsApp reports a delivery status of a message (e.g. {@code SEEN}); FAILED and CHANNEL_FAILED are failures.
     *
     * @param messageId the message's {@code _id} (as Send a Message to Chat or Send Template Message answered it)
     * @return the message with its new status
     */
    public Message messageStatus(String messageId, MessageStatus status) {
        return messageStatus(messageId, status, null);
    }

    /**
     * WhatsApp reports a delivery status with the provider's error text (for FAILED, e.g. {@code "reengagement
     * window closed"}).
     */
    public Message messageStatus(String messageId, MessageStatus status, @Nullable String error) {
        Objects.requireNonNull(status, "status");
        if (status == MessageStatus.UNKNOWN) {
            throw new IllegalArgumentException("status must be a real message status, not UNKNOWN");
        }
        return message(actions.messageStatus(Objects.requireNonNull(messageId, "messageId"), status.getValue(),
                error));
    }

    /** An agent takes the chat: status ASSIGNED (Taken), emits {@code domain.chat.assigned}. */
    public void agentTakes(String chatId, Agent agent) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("_id", agent.id());
        node.put("displayName", agent.displayName());
        node.put("email", agent.email());
        if (agent.crmId() == null) {
            node.putNull("crmId");
        } else {
            node.put("crmId", agent.crmId());
        }
        agent.roles().forEach(node.putArray("roles")::add);
        actions.agentTakes(Objects.requireNonNull(chatId, "chatId"), node);
    }

    /** The chat's agent resolves it: status RESOLVED, emits {@code domain.chat.resolved}. */
    public void agentResolves(String chatId) {
        actions.agentResolves(Objects.requireNonNull(chatId, "chatId"));
    }

    /**
     * Texter's own bot hands the chat to (or takes it back from) the external bot: emits
     * {@code app.bot.chat.setExternal}.
     */
    public void externalBotSet(String chatId, boolean enabled) {
        actions.externalBot(Objects.requireNonNull(chatId, "chatId"), enabled);
    }

    /** WhatsApp approves a submitted localization of a template (of that name, on any account). */
    public void templateApproved(String templateName, String language) {
        actions.templateDecision(templateName, language, "APPROVED", null);
    }

    /** WhatsApp rejects a submitted localization, e.g. with reason {@code INVALID_FORMAT}. */
    public void templateRejected(String templateName, String language, String reason) {
        actions.templateDecision(templateName, language, "REJECTED", Objects.requireNonNull(reason, "reason"));
    }

    /**
     * A channel health problem starts on the project's first account; emits
     * {@code domain.channel.health.problem.created}.
     *
     * @param name the problem's code, e.g. {@code whatsapp_business_has_limited_messaging_availability}
     * @param severity {@code error} or {@code warning}
     * @param message the human-readable explanation
     * @return the stored problem (its {@code _id} is what {@link #channelRecovered(String)} and Resolve Channel
     *     Health Problem take)
     */
    public Problem channelProblem(String name, String severity, String message) {
        ObjectNode fields = Json.mapper().createObjectNode();
        fields.put("name", Objects.requireNonNull(name, "name"));
        fields.put("severity", Objects.requireNonNull(severity, "severity"));
        fields.put("message", Objects.requireNonNull(message, "message"));
        fields.putObject("impairedFunctionality").put("send", true).put("receive", false);
        return Json.convert(actions.channelProblem(fields), Problem.class);
    }

    /** The channel problem ends; emits {@code domain.channel.health.problem.resolved}. */
    public Problem channelRecovered(String problemId) {
        return Json.convert(actions.channelRecovered(Objects.requireNonNull(problemId, "problemId")), Problem.class);
    }

    private static Message message(ObjectNode node) {
        return Json.convert(node, Message.class);
    }

    @Override
    public String toString() {
        return "Simulation";
    }
}
