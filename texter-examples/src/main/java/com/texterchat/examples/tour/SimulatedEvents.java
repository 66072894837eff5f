package com.texterchat.examples.tour;

import com.texterchat.model.Chat;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageList;
import com.texterchat.model.MessageStatus;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Texter's side of the examples on the simulator: the events really happen in the simulated project (the contact
 * writes, a message is seen, an agent adds a label, WhatsApp's review delay passes on the simulator's clock), and the
 * webhooks reach the receivers through the subscriptions the examples imported, as in production. The receiver's URL
 * is therefore not used here: the imported subscription names it.
 */
final class SimulatedEvents implements TexterEvents {

    private final TexterSimulator simulator;

    SimulatedEvents(TexterSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    @Override
    public boolean fromSubscriptions() {
        return true;
    }

    @Override
    public String how() {
        return "simulated, delivered by the imported subscription";
    }

    @Override
    public void contactWrites(URI receiver, Chat chat, String text) {
        simulator.simulate().incomingMessage(phone(chat), text);
    }

    @Override
    public void contactPicks(URI receiver, Chat chat, String payload, String title) {
        simulator.simulate().postback(phone(chat), payload, title);
    }

    @Override
    public void events(URI receiver, @Nullable Chat chat, List<String> eventNames, String labelName) {
        if (chat == null) {
            throw new IllegalStateException("the simulated project has no chat with the demo contact");
        }
        for (String name : eventNames) {
            switch (name) {
                case "newIncomingMessage", "newMessage" ->
                        simulator.simulate().incomingMessage(phone(chat), "Is my order ready?");
                case "messageStatusChanged" -> simulator.simulate().messageStatus(latestOutgoing(chat).getId(),
                        MessageStatus.SEEN);
                case "chatLabelsUpdated" -> simulator.texter().labels().manageChatLabels(chat.getId(),
                        new ManageChatLabelsRequest().add(List.of(EmbeddedTexter.FOLLOW_UP_LABEL_ID)));
                default -> throw new IllegalArgumentException("the tour does not simulate " + name);
            }
        }
    }

    @Override
    public String templateReview() {
        return "the simulator's clock moves " + EmbeddedTexter.TEMPLATE_REVIEW.toMinutes() + " minutes on";
    }

    /** Moves the simulator's clock by its review delay: the reviews that fell due complete. */
    @Override
    public void completeTemplateReviews() {
        simulator.clock().advance(EmbeddedTexter.TEMPLATE_REVIEW);
    }

    private Message latestOutgoing(Chat chat) {
        MessageList messages = simulator.texter().messages().getChatMessages(chat.getId(), null, null, null, null);
        List<Message> all = messages.getMessages() == null ? List.of() : messages.getMessages();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).getDirection() == MessageDirection.OUTGOING) {
                return all.get(i);
            }
        }
        throw new IllegalStateException("chat " + chat.getId() + " has no outgoing message whose status could change");
    }

    private static String phone(Chat chat) {
        if (chat.getChannelInfo() == null || chat.getChannelInfo().getId() == null) {
            throw new IllegalArgumentException("chat " + chat.getId() + " has no contact number");
        }
        return chat.getChannelInfo().getId();
    }

    @Override
    public String toString() {
        return "SimulatedEvents[" + simulator + "]";
    }
}
