package com.texterchat.examples.tour;

import com.texterchat.model.Chat;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.MessageType;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.Postback;
import com.texterchat.testkit.webhook.WebhookPayload;
import com.texterchat.testkit.webhook.WebhookPayloadBuilder;
import com.texterchat.testkit.webhook.WebhookPayloads;
import com.texterchat.testkit.webhook.WebhookSender;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Plays Texter's side of the webhooks: builds a delivery with the test kit's {@link WebhookPayloads} around a real
 * chat (the one an example found) and POSTs it with {@link WebhookSender} to a receiver, as Texter would. A Texter in
 * the cloud cannot reach a receiver on this machine, nor be made to produce events on demand, so against a real
 * project the tour delivers these samples; they carry the chat's real data, and the time the contact really last
 * wrote. (On the simulator the events really happen: {@link SimulatedEvents}.)
 */
public final class SampleWebhooks implements TexterEvents {

    private final Function<Chat, Instant> contactWroteAt;
    private final Clock clock;
    private final Duration timeout;

    private SampleWebhooks(Function<Chat, Instant> contactWroteAt, Clock clock, Duration timeout) {
        this.contactWroteAt = contactWroteAt;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Samples in which the contact writes right now.
     *
     * @param clock the current time
     * @param timeout how long to wait for the receiver's answer
     * @return the sample deliveries
     */
    public static SampleWebhooks writtenNow(Clock clock, Duration timeout) {
        return new SampleWebhooks(chat -> clock.instant(), clock, timeout);
    }

    /**
     * Samples whose messages carry the time the contact really last wrote in the chat (a real project), so that a
     * bot checking WhatsApp's 24-hour window decides as it would with the real delivery.
     *
     * @param clock the current time
     * @param timeout how long to wait for the receiver's answer
     * @return the sample deliveries
     */
    public static SampleWebhooks writtenWhenTheContactLastWrote(Clock clock, Duration timeout) {
        return new SampleWebhooks(chat -> chat.getLastIncomingMessageTimestamp() == null ? Instant.EPOCH
                : Instant.ofEpochMilli(chat.getLastIncomingMessageTimestamp()), clock, timeout);
    }

    /**
     * The contact writes {@code text} in the chat, which is handed to an external bot: Texter's
     * {@code newIncomingMessage}.
     *
     * @param receiver the receiver's URL
     * @param chat the chat, as Search Chats returned it
     * @param text what the contact writes
     * @return the payload delivered
     */
    public WebhookPayload<?> incomingMessage(URI receiver, Chat chat, String text) {
        return deliver(receiver, toBot(WebhookPayloads.newIncomingMessage(), chat).text(text)
                .timestamp(contactWroteAt.apply(chat)).build());
    }

    /**
     * The contact picks a row of a list menu (or a reply button): a {@code newIncomingMessage} of type
     * {@code postback} carrying the row's payload and title.
     *
     * @param receiver the receiver's URL
     * @param chat the chat, as Search Chats returned it
     * @param payload the payload of the chosen row
     * @param title the title of the chosen row
     * @return the payload delivered
     */
    public WebhookPayload<?> listReply(URI receiver, Chat chat, String payload, String title) {
        return deliver(receiver, toBot(WebhookPayloads.newIncomingMessage(), chat)
                .timestamp(contactWroteAt.apply(chat))
                .message(message -> {
                    message.setType(MessageType.POSTBACK);
                    message.setText(null);
                    message.setPostback(new Postback().payload(payload).title(title));
                })
                .build());
    }

    /** Samples are posted by the tour, not by a subscription. */
    @Override
    public boolean fromSubscriptions() {
        return false;
    }

    @Override
    public String how() {
        return "test kit sample";
    }

    @Override
    public void contactWrites(URI receiver, Chat chat, String text) {
        incomingMessage(receiver, chat, text);
    }

    @Override
    public void contactPicks(URI receiver, Chat chat, String payload, String title) {
        listReply(receiver, chat, payload, title);
    }

    /** Only WhatsApp decides on a real project's templates. */
    @Override
    public @Nullable String templateReview() {
        return null;
    }

    @Override
    public void completeTemplateReviews() {
        throw new UnsupportedOperationException("only WhatsApp decides on a real project's templates");
    }

    @Override
    public void events(URI receiver, @Nullable Chat chat, List<String> eventNames, String labelName) {
        samples(receiver, chat, eventNames, labelName);
    }

    /**
     * One sample of each event about the chat, as a subscription to them would deliver: a text from the contact for
     * {@code newIncomingMessage}, {@code SEEN} for {@code messageStatusChanged}, {@code labelName} added for
     * {@code chatLabelsUpdated}, the chat as it is for the other chat events.
     *
     * @param receiver the receiver's URL
     * @param chat the chat the events are about, or {@code null} to keep the samples' own chat
     * @param eventNames Texter event names, e.g. {@code newIncomingMessage}
     * @param labelName the label the label events add
     * @return the payloads delivered, in order
     */
    public List<WebhookPayload<?>> samples(URI receiver, @Nullable Chat chat, List<String> eventNames,
            String labelName) {
        return eventNames.stream().<WebhookPayload<?>>map(name -> {
            WebhookPayloadBuilder<?> builder = WebhookPayloads.event(name);
            if (chat != null) {
                aboutChat(builder, chat);
            }
            switch (name) {
                case "newIncomingMessage", "newMessage" -> builder.text("Is my order ready?")
                        .timestamp(chat == null ? clock.instant() : contactWroteAt.apply(chat));
                case "messageStatusChanged" -> builder.messageStatus(MessageStatus.SEEN).timestamp(clock.instant());
                case "chatLabelsUpdated" -> builder.labelsAdded(labelName);
                default -> {
                    // the chat as it is
                }
            }
            return deliver(receiver, builder.build());
        }).toList();
    }

    /** A message in a chat handed to an external bot (the bot example's premise), in the chat's bot session. */
    private static WebhookPayloadBuilder<NewIncomingMessageEventData> toBot(
            WebhookPayloadBuilder<NewIncomingMessageEventData> builder, Chat chat) {
        String session = chat.getBotState() == null ? null : chat.getBotState().getId();
        return aboutChat(builder, chat).chat(c -> c.setExternalBot(true)).message(message -> {
            if (session != null) {
                message.setBotSessionId(session);
            }
        });
    }

    private static <T> WebhookPayloadBuilder<T> aboutChat(WebhookPayloadBuilder<T> builder, Chat chat) {
        Objects.requireNonNull(chat.getId(), "chat._id");
        builder.set("/chat", chat);
        if (chat.getChannelInfo() != null && chat.getChannelInfo().getId() != null) {
            builder.phone(chat.getChannelInfo().getId());
        }
        builder.chatId(chat.getId());
        if (chat.getChannelInfo() != null && chat.getChannelInfo().getAccountId() != null) {
            builder.accountId(chat.getChannelInfo().getAccountId());
        }
        return builder;
    }

    private WebhookPayload<?> deliver(URI receiver, WebhookPayload<?> payload) {
        HttpResponse<String> answer = WebhookSender.to(receiver).timeout(timeout).post(payload);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("The receiver at " + receiver + " answered " + answer.statusCode() + " "
                    + answer.body() + " to " + payload.eventName());
        }
        return payload;
    }
}
