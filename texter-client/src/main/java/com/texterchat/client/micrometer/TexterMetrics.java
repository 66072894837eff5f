package com.texterchat.client.micrometer;

import com.texterchat.client.TexterAttempt;
import com.texterchat.client.TexterCall;
import com.texterchat.client.TexterListener;
import com.texterchat.client.TexterOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TexterListener} that records Micrometer meters for every call and attempt of a client:
 * <ul>
 *   <li>{@code texter.client.calls} (timer): each call from its first attempt to its end, retries and waits
 *       included;</li>
 *   <li>{@code texter.client.attempts} (timer): each attempt;</li>
 *   <li>{@code texter.client.retries} (counter): each attempt followed by a retry.</li>
 * </ul>
 * Tags: {@code operation} (the operationId, e.g. {@code getChat}), {@code method}, {@code uri} (the path template,
 * e.g. {@code /chats/{chatId}}: no IDs, so the number of series stays small), {@code status} (the HTTP status, or
 * {@code NONE} when no answer arrived) and {@code outcome} ({@link TexterOutcome}: {@code SUCCESS},
 * {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code TIMEOUT}, {@code IO_ERROR}). The retry counter carries
 * {@code operation}, {@code method} and {@code uri}.
 *
 * <pre>{@code
 * TexterClient client = TexterClient.builder().projectId("demo").token(token)
 *         .listener(TexterMetrics.of(meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Needs {@code io.micrometer:micrometer-core} (any 1.x from 1.9 on), which the SDK declares optional: add it to
 * the application. Thread-safe; meters are looked up once per combination of tags and then reused.
 */
@SuppressWarnings("exports") // MeterRegistry: the application that uses this class has Micrometer itself
public final class TexterMetrics implements TexterListener {

    /** The name of the timer of whole calls. */
    public static final String CALLS = "texter.client.calls";
    /** The name of the timer of attempts. */
    public static final String ATTEMPTS = "texter.client.attempts";
    /** The name of the counter of retries. */
    public static final String RETRIES = "texter.client.retries";

    private final MeterRegistry registry;
    private final Tags extraTags;
    private final Map<Key, Timer> calls = new ConcurrentHashMap<>();
    private final Map<Key, Timer> attempts = new ConcurrentHashMap<>();
    private final Map<Key, Counter> retries = new ConcurrentHashMap<>();

    private TexterMetrics(MeterRegistry registry, Tags extraTags) {
        this.registry = registry;
        this.extraTags = extraTags;
    }

    /**
     * A listener recording into the registry.
     *
     * @param registry where the meters go
     * @return the listener, for {@code TexterClient.Builder.listener}
     */
    public static TexterMetrics of(MeterRegistry registry) {
        return new TexterMetrics(Objects.requireNonNull(registry, "registry"), Tags.empty());
    }

    /**
     * A listener recording into the registry with tags of its own on every meter, e.g. the Texter project when an
     * application talks to several.
     *
     * @param registry where the meters go
     * @param tags     tags added to every meter
     * @return the listener
     */
    public static TexterMetrics of(MeterRegistry registry, Iterable<Tag> tags) {
        return new TexterMetrics(Objects.requireNonNull(registry, "registry"), Tags.of(tags));
    }

    @Override
    public void onAttempt(TexterAttempt attempt) {
        Key key = new Key(attempt.operation(), attempt.method(), attempt.pathTemplate(), status(attempt.status()),
                attempt.outcome());
        attempts.computeIfAbsent(key, k -> timer(ATTEMPTS, "One attempt of a Texter API call", k))
                .record(attempt.duration());
        if (attempt.decision() == TexterAttempt.Decision.RETRY) {
            Key retryKey = new Key(attempt.operation(), attempt.method(), attempt.pathTemplate(), "", null);
            retries.computeIfAbsent(retryKey, k -> Counter.builder(RETRIES)
                    .description("Attempts of Texter API calls followed by a retry")
                    .tags(extraTags).tag("operation", k.operation()).tag("method", k.method()).tag("uri", k.uri())
                    .register(registry)).increment();
        }
    }

    @Override
    public void onCall(TexterCall call) {
        Key key = new Key(call.operation(), call.method(), call.pathTemplate(), status(call.status()), call.outcome());
        calls.computeIfAbsent(key, k -> timer(CALLS, "Texter API calls, all attempts and waits included", k))
                .record(call.duration());
    }

    private Timer timer(String name, String description, Key key) {
        return Timer.builder(name).description(description).tags(extraTags)
                .tag("operation", key.operation()).tag("method", key.method()).tag("uri", key.uri())
                .tag("status", key.status()).tag("outcome", String.valueOf(key.outcome()))
                .register(registry);
    }

    private static String status(OptionalInt status) {
        return status.isPresent() ? Integer.toString(status.getAsInt()) : "NONE";
    }

    @Override
    public String toString() {
        return "TexterMetrics[" + registry.getClass().getSimpleName() + "]";
    }

    private record Key(String operation, String method, String uri, String status, @org.jspecify.annotations.Nullable
            TexterOutcome outcome) {
    }
}
