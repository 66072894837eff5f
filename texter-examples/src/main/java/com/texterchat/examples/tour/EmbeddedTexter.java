package com.texterchat.examples.tour;

import com.texterchat.model.BotState;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.testkit.TexterMockServer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The embedded Texter: the test kit's {@link TexterMockServer} (a real HTTP server on 127.0.0.1 answering every
 * operation of Texter's API with realistic data) and the demo data the tour runs on. Examples prepare it further in
 * {@link Example#prepareEmbedded}.
 */
public final class EmbeddedTexter {

    /** The demo contact; Search Chats finds their chat. */
    public static final String CONTACT_PHONE = "972521234567";
    /** The demo WhatsApp business number. */
    public static final String ACCOUNT_ID = "972509876543";
    /** The demo campaign's recipients. */
    public static final List<String> RECIPIENTS = List.of("972500000001", "972500000002", "972500000003",
            "972500000004", "972500000005");
    /** The demo agent. */
    public static final String AGENT_EMAIL = "dana@shop.example.com";
    /** The demo label (one of the labels Texter's example lists). */
    public static final String LABEL = "VIP";
    /** The demo contact's current bot session. */
    public static final String BOT_SESSION = "5f1c2a9e0b7d4c3f8e6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6";

    private final TexterMockServer server;
    private final Chat contactChat;
    private final Clock clock;

    private EmbeddedTexter(TexterMockServer server, Chat contactChat, Clock clock) {
        this.server = server;
        this.contactChat = contactChat;
        this.clock = clock;
    }

    /**
     * Adds the demo data to a running server: the contact's chat, handled by a bot.
     *
     * @param server the server
     * @param clock the current time
     * @return the embedded Texter
     */
    static EmbeddedTexter prepare(TexterMockServer server, Clock clock) {
        Chat chat = server.stubs().chatExists(CONTACT_PHONE)
                .status(ChatStatus.BOT)
                .botState(new BotState().id(BOT_SESSION))
                .lastIncomingMessageTimestamp(clock.millis());
        return new EmbeddedTexter(server, server.stubs().chatExists(chat), clock);
    }

    /**
     * What the examples act on: the demo contact, business number, recipients, label and agent; writes allowed.
     *
     * @return the targets
     */
    static TourTargets targets() {
        return new TourTargets(CONTACT_PHONE, null, ACCOUNT_ID, RECIPIENTS, LABEL, AGENT_EMAIL, null, null, true);
    }

    /**
     * The server, to stub, inject faults and verify.
     *
     * @return the server
     */
    public TexterMockServer server() {
        return server;
    }

    /**
     * The demo contact's chat as Search Chats answers it.
     *
     * @return the chat
     */
    public Chat contactChat() {
        return contactChat;
    }

    /**
     * The current time of the tour.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "EmbeddedTexter[" + Objects.toString(server) + "]";
    }
}
