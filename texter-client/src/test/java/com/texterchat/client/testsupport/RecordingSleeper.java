package com.texterchat.client.testsupport;

import com.texterchat.client.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits a retry policy asks for instead of spending them; can run an action on each wait. */
public final class RecordingSleeper implements RetryPolicy.Sleeper {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Runnable onSleep = () -> { };

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        onSleep.run();
    }

    /** The waits asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Runs the action whenever a wait is asked for (e.g. to start a server the retry will reach). */
    public void onSleep(Runnable action) {
        this.onSleep = action;
    }

    /** Forgets the recorded waits and the action. */
    public void clear() {
        sleeps.clear();
        onSleep = () -> { };
    }
}
