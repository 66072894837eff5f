package com.texterchat.testkit.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulator's clock: every timestamp the simulated project writes (messages, chats, templates, deliveries),
 * WhatsApp's 24-hour window and template review delays read it. It stands still until a test moves it, so tests
 * are deterministic and never sleep.
 *
 * <pre>{@code
 * simulator.clock().advance(Duration.ofHours(25));   // the customer's last message is now outside the window
 * }</pre>
 *
 * Thread-safe. {@link TexterSimulator#reset()} sets it back to the seed's start time.
 */
public final class SimulatorClock {

    /** Where the clock starts unless the builder or the seed says otherwise: 2025-06-01T09:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2025-06-01T09:00:00Z");

    private volatile Instant now;
    private final CopyOnWriteArrayList<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    SimulatorClock(Instant start) {
        this.now = start;
    }

    /** The simulated current time. */
    public Instant now() {
        return now;
    }

    /** The simulated current time in Unix epoch milliseconds, as Texter writes timestamps. */
    public long millis() {
        return now.toEpochMilli();
    }

    /**
     * Moves the clock forward; due template reviews complete.
     *
     * @param amount zero or more
     * @return this clock
     * @throws IllegalArgumentException for a negative amount
     */
    public SimulatorClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; advance by zero or more, got " + amount);
        }
        synchronized (this) {
            now = now.plus(amount);
        }
        changed();
        return this;
    }

    /**
     * Sets the clock (forward or back); due template reviews complete.
     *
     * @return this clock
     */
    public SimulatorClock set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        now = instant;
        changed();
        return this;
    }

    /** Sets the time without telling listeners (reset). */
    void reset(Instant instant) {
        now = instant;
    }

    void onChange(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    private void changed() {
        Instant current = now;
        for (Consumer<Instant> listener : listeners) {
            listener.accept(current);
        }
    }

    @Override
    public String toString() {
        return "SimulatorClock[" + now + "]";
    }
}
