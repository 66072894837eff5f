package com.texterchat.examples.spring;

import com.texterchat.Texter;
import com.texterchat.dsl.message.ButtonsMessageBuilder;
import com.texterchat.dsl.message.Messages;
import com.texterchat.model.Chat;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.spring.boot.TexterWebhookEvent;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bot: the starter's endpoint verifies each delivery of the subscription {@link SubscriptionSetup} imported and
 * publishes it as a {@link TexterWebhookEvent}; {@link #onIncomingMessage} receives the new incoming messages and
 * <ul>
 *   <li>answers the "Order status" button ({@link #ORDER_STATUS}) with a text;</li>
 *   <li>for the "Talk to an agent" button ({@link #AGENT}) or a text with the word {@value #AGENT_KEYWORD}: labels
 *       the chat {@value #AGENT_LABEL} (Manage Chat Labels), says so, and hands a chat that Texter gave to an
 *       external bot back to Texter's routing (Update Chat Properties, {@code externalBot=false});</li>
 *   <li>answers anything else with a buttons message built with the DSL ({@link #menu()}).</li>
 * </ul>
 * Messages sent from the chat (outgoing) are ignored. It runs on the request's thread, before the endpoint answers;
 * if it throws, the endpoint answers 500.
 */
@Component
public class SpringSupportBot {

    /** Payload of the "Order status" button. */
    public static final String ORDER_STATUS = "order_status";
    /** Payload of the "Talk to an agent" button. */
    public static final String AGENT = "agent";
    /** The word in a text that asks for an agent (any case). */
    public static final String AGENT_KEYWORD = "agent";
    /** The label of chats waiting for an agent; {@link SubscriptionSetup} creates it. */
    public static final String AGENT_LABEL = "agent-requested";

    /** The answer to the "Order status" button. */
    public static final String ORDER_ANSWER = "Your order A-1001 left our warehouse today; it arrives tomorrow.";
    /** What the bot says when an agent takes over. */
    public static final String AGENT_ANSWER = "Thanks! An agent will take it from here.";

    private final Texter texter;

    /**
     * Made by Spring.
     *
     * @param texter the starter's entry object
     */
    public SpringSupportBot(Texter texter) {
        this.texter = Objects.requireNonNull(texter, "texter");
    }

    /**
     * The menu: a buttons message, checked by the DSL (1-3 buttons, titles of at most 20 characters).
     *
     * @return the message builder
     */
    public static ButtonsMessageBuilder menu() {
        return Messages.buttons("Hi! How can we help?")
                .button("Order status", ORDER_STATUS)
                .button("Talk to an agent", AGENT);
    }

    // readme:start spring-bot-listener
    /**
     * Answers one new incoming message.
     *
     * @param event the verified delivery, typed by its data
     */
    @EventListener
    public void onIncomingMessage(TexterWebhookEvent<NewIncomingMessageEventData> event) {
        Chat chat = event.data().getChat();
        Message message = event.data().getMessage();
        if (message.getDirection() == MessageDirection.OUTGOING) {
            return; // sent from the chat, not by the contact
        }
        String payload = message.getPostback() == null ? null : message.getPostback().getPayload();
        String text = message.getText() == null ? "" : message.getText().toLowerCase(Locale.ROOT);
        if (ORDER_STATUS.equals(payload)) {
            texter.sendText(chat.getId(), ORDER_ANSWER);
        } else if (AGENT.equals(payload) || text.contains(AGENT_KEYWORD)) {
            texter.labels().manageChatLabels(chat.getId(), new ManageChatLabelsRequest().add(List.of(AGENT_LABEL)));
            texter.sendText(chat.getId(), AGENT_ANSWER);
            if (Boolean.TRUE.equals(chat.getExternalBot())) {
                texter.chats().updateChatProperties(chat.getId(),
                        new UpdateChatPropertiesRequest().externalBot(false));
            }
        } else {
            texter.sendMessage(chat.getId(), menu());
        }
    }
    // readme:end

    @Override
    public String toString() {
        return "SpringSupportBot[" + texter + "]";
    }
}
