package com.texterchat.client.internal;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The threads and connections one {@code TexterClient} owns: the JDK HTTP client and the executor it runs on, a
 * fixed pool of {@link #WORKERS} threads that end when idle for a minute. Asynchronous calls complete on these
 * threads, so a callback that blocks on another Texter call can starve them: callbacks must not block.
 *
 * <p>{@link #close()} releases them on every supported JDK. From JDK 21 on, {@code HttpClient.shutdownNow()} stops
 * the client's selector thread and closes its connections at once. On JDK 17, which has no such method, the
 * executor (named {@code texter-http-<n>-worker-<m>}) is shut down and every reference to the client dropped: its
 * selector thread then ends, closing the connections, as soon as the garbage collector has collected the client.
 */
public final class ClientResources {

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    /** The JDK client's worker threads: as many as processors, at least 4 and at most 16. */
    static final int WORKERS = Math.max(4, Math.min(16, Runtime.getRuntime().availableProcessors()));
    private static final Duration TERMINATION_WAIT = Duration.ofSeconds(5);
    private static final @Nullable Method SHUTDOWN_NOW = method("shutdownNow");
    private static final @Nullable Method AWAIT_TERMINATION = method("awaitTermination", Duration.class);

    private final @Nullable ExecutorService executor;
    private volatile @Nullable HttpClient http;

    /**
     * Builds the JDK client on an executor of its own.
     *
     * @param builder the configured JDK client builder
     */
    public ClientResources(HttpClient.Builder builder) {
        this(builder, b -> { });
    }

    /**
     * Builds the JDK client on an executor of its own, after a last change of the builder.
     *
     * @param builder the configured JDK client builder
     * @param finish  changes the builder once the executor is set (it may set another)
     */
    public ClientResources(HttpClient.Builder builder, Consumer<HttpClient.Builder> finish) {
        // A fixed number of threads, not one per exchange: the JDK client runs only short non-blocking tasks on it
        // (the blocking path waits on the caller's thread), so 1,000 asynchronous calls in flight need no more.
        ThreadPoolExecutor own = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads(CLIENTS.incrementAndGet()));
        own.allowCoreThreadTimeOut(true);
        builder.executor(own);
        try {
            finish.accept(builder);
            this.http = builder.build();
        } catch (RuntimeException | Error e) {
            own.shutdownNow();
            throw e;
        }
        this.executor = own;
    }

    private ClientResources(HttpClient borrowed) {
        this.executor = null;
        this.http = borrowed;
    }

    /**
     * Uses a JDK client that belongs to someone else: {@link #close()} lets go of it without closing it.
     *
     * @param client the application's client
     * @return the resources
     */
    public static ClientResources borrowing(HttpClient client) {
        return new ClientResources(client);
    }

    /**
     * The JDK client.
     *
     * @return the client
     * @throws IllegalStateException after {@link #close()}
     */
    public HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            throw new IllegalStateException("closed");
        }
        return client;
    }

    /** Stops the client's threads and closes its connections; calling it again does nothing. */
    public void close() {
        HttpClient client = http;
        http = null;
        if (client == null || executor == null) {
            return; // closed before, or the application's client: not ours to close
        }
        if (SHUTDOWN_NOW != null && AWAIT_TERMINATION != null) {
            try {
                SHUTDOWN_NOW.invoke(client);
                AWAIT_TERMINATION.invoke(client, TERMINATION_WAIT);
            } catch (ReflectiveOperationException e) {
                if (e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // Otherwise not expected on JDK 21+; the executor below still stops.
            }
        }
        executor.shutdownNow();
    }

    private static ThreadFactory threads(int client) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "texter-http-" + client + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static @Nullable Method method(String name, Class<?>... parameters) {
        try {
            return HttpClient.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null; // JDK 17-20
        }
    }
}
