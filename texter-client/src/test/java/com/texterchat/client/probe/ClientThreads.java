package com.texterchat.client.probe;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The threads a client under test started, and the wait for them to end once it is closed: shared by the lifecycle
 * probes of the blocking and the asynchronous path.
 */
final class ClientThreads {

    private final Set<Thread> started;

    private ClientThreads(Set<Thread> started) {
        this.started = started;
    }

    /**
     * The threads alive now that were not in {@code before} and belong to a client: the SDK's ({@code texter-...})
     * and the JDK client's ({@code HttpClient-...}); not the blocking transport's body watchdog
     * ({@code texter-body-deadline}), one per JVM, which outlives every client.
     */
    static ClientThreads startedSince(Set<Thread> before) {
        Set<Thread> own = new HashSet<>(Thread.getAllStackTraces().keySet());
        own.removeAll(before);
        own.removeIf(t -> !t.getName().startsWith("HttpClient-") && !t.getName().startsWith("texter-")
                || t.getName().equals("texter-body-deadline"));
        return new ClientThreads(own);
    }

    /** Their names, for assertions on which threads a client starts. */
    List<String> names() {
        return started.stream().map(Thread::getName).collect(Collectors.toList());
    }

    /**
     * Waits (at most 30 s, collecting garbage in between) until every one of the threads has ended and the server saw
     * {@code closedConnections} connections closed by the client: JDK 21+ stops its client at once, while on JDK 17
     * the selector thread ends only once the client has been collected.
     */
    void awaitEnded(IntSupplier closedByClient, int closedConnections) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (started.stream().anyMatch(Thread::isAlive) || closedByClient.getAsInt() != closedConnections) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the closed client did not release its resources: still alive: "
                        + started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList())
                        + ", connections closed: " + closedByClient.getAsInt());
            }
            System.gc();
            Thread.sleep(100);
        }
    }
}
