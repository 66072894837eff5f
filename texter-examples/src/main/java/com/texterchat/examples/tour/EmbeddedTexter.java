package com.texterchat.examples.tour;

import com.texterchat.testkit.simulator.Agent;
import com.texterchat.testkit.simulator.SimulatorClock;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The embedded Texter: the test kit's {@link TexterSimulator}, a stateful Texter project in this JVM (a real HTTP
 * server on 127.0.0.1 whose reads reflect the writes, and whose events run the subscriptions imported through the
 * API), seeded with the demo project the tour runs on. Examples prepare it further in {@link Example#prepareEmbedded}.
 */
public final class EmbeddedTexter {

    /** The demo contact; Search Chats finds their chat. */
    public static final String CONTACT_PHONE = "972521234567";
    /** The demo contact's name. */
    public static final String CONTACT_NAME = "John Doe";
    /** The demo WhatsApp business number. */
    public static final String ACCOUNT_ID = "972509876543";
    /** The demo campaign's recipients. */
    public static final List<String> RECIPIENTS = List.of("972500000001", "972500000002", "972500000003",
            "972500000004", "972500000005");
    /** The recipient who unsubscribed from template messages. */
    public static final String UNSUBSCRIBED = RECIPIENTS.get(2);
    /** The demo agent. */
    public static final String AGENT_EMAIL = "dana@shop.example.com";
    /** The demo label the CRM example puts on the chat. */
    public static final String LABEL = "VIP";
    /** Its id. */
    public static final String LABEL_ID = "64f0aa000000000000000001";
    /** The second label of the project, which the subscription example's label event adds. */
    public static final String FOLLOW_UP_LABEL = "Follow-up";
    /** Its id. */
    public static final String FOLLOW_UP_LABEL_ID = "64f0aa000000000000000002";
    /** The contact's earlier bot session, three days before the tour. */
    public static final String EARLIER_BOT_SESSION = "0a4d9e21c7b3f58e6d2a1c0b9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c";
    /** How long WhatsApp takes to review a submitted template, on the simulator's clock. */
    public static final Duration TEMPLATE_REVIEW = Duration.ofMinutes(30);

    private final TexterSimulator simulator;
    private final Clock clock;

    private EmbeddedTexter(TexterSimulator simulator) {
        this.simulator = simulator;
        this.clock = new SimulatorTime(simulator.clock());
    }

    /**
     * The demo project, ready to start: the business number, the labels {@value #LABEL} and
     * {@value #FOLLOW_UP_LABEL}, the agent, a recipient who unsubscribed from templates, templates reviewed in
     * {@link #TEMPLATE_REVIEW}, and the contact's chat, handed to the external bot, with four messages of an earlier
     * bot session three days ago.
     *
     * @return the simulator's builder
     */
    public static TexterSimulator.Builder project() {
        Instant start = SimulatorClock.DEFAULT_START;
        Instant earlier = start.minus(Duration.ofDays(3));
        String history = String.join(",",
                historyMessage("incoming", "Hi", earlier),
                historyMessage("outgoing", "Hi John! How can we help?", earlier.plusSeconds(1)),
                historyMessage("incoming", "Where is my order A-1001?", earlier.plusSeconds(60)),
                historyMessage("outgoing", "It arrives tomorrow.", earlier.plusSeconds(61)));
        return TexterSimulator.builder()
                .clockStart(start)
                .account(ACCOUNT_ID)
                .label(LABEL_ID, LABEL, "#dce775")
                .label(FOLLOW_UP_LABEL_ID, FOLLOW_UP_LABEL, "#4fc3f7")
                .agent(Agent.of("Dana", AGENT_EMAIL))
                .unsubscribed(UNSUBSCRIBED)
                .autoApproveTemplatesAfter(TEMPLATE_REVIEW)
                .seedJson("{\"chats\": [{\"phone\": \"" + CONTACT_PHONE + "\", \"title\": \"" + CONTACT_NAME + "\","
                        + " \"externalBot\": true, \"messages\": [" + history + "]}]}");
    }

    private static String historyMessage(String direction, String text, Instant at) {
        return "{\"direction\": \"" + direction + "\", \"text\": \"" + text + "\", \"at\": \"" + at
                + "\", \"botSessionId\": \"" + EARLIER_BOT_SESSION + "\""
                + (direction.equals("outgoing") ? ", \"agent\": \"Bot\"" : "") + "}";
    }

    /**
     * Starts the demo project.
     *
     * @return the running simulator; close it when done
     */
    public static TexterSimulator start() {
        return project().start();
    }

    /**
     * A simulator's clock as a {@link Clock}, for code that takes one (the bot's 24-hour window): it reads the
     * simulator's time, which moves only when a test or the tour moves it.
     *
     * @param simulator the simulator
     * @return the clock, in UTC
     */
    public static Clock clockOf(TexterSimulator simulator) {
        return new SimulatorTime(simulator.clock());
    }

    /**
     * The embedded Texter on a running simulator of the demo project ({@link #project()}).
     *
     * @param simulator the simulator
     * @return the embedded Texter
     */
    static EmbeddedTexter on(TexterSimulator simulator) {
        return new EmbeddedTexter(Objects.requireNonNull(simulator, "simulator"));
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
     * The simulator, to inject faults, simulate events and read its state.
     *
     * @return the simulator
     */
    public TexterSimulator simulator() {
        return simulator;
    }

    /**
     * The simulator's clock as a {@link Clock}: the time the examples see (WhatsApp's 24-hour window).
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "EmbeddedTexter[" + simulator + "]";
    }

    /** A {@link Clock} that reads a {@link SimulatorClock}, so the examples and the simulated project share one time. */
    static final class SimulatorTime extends Clock {
        private final SimulatorClock clock;
        private final ZoneId zone;

        SimulatorTime(SimulatorClock clock) {
            this(clock, ZoneOffset.UTC);
        }

        private SimulatorTime(SimulatorClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new SimulatorTime(clock, newZone);
        }

        @Override
        public Instant instant() {
            return clock.now();
        }

        @Override
        public String toString() {
            return "SimulatorTime[" + clock + "]";
        }
    }
}
