package com.texterchat.client.webhook;

import com.texterchat.model.WebhookEventName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint without a framework: it takes what a request brought (body, headers, query) and decides,
 * in this order:
 * <ol>
 *   <li><b>the secret</b>: without the {@link WebhookSecret} in the header {@value WebhookSecret#HEADER} or the
 *       query parameter {@value WebhookSecret#QUERY_PARAMETER}, the answer is 401, and the body is never parsed
 *       nor a listener called. Every secret the request presents must match (a right header with a wrong query
 *       parameter is refused too), compared in constant time;</li>
 *   <li><b>the body</b>, parsed by {@link TexterWebhooks} within the {@link WebhookLimits}: more bytes than
 *       {@link WebhookLimits#maxBytes()} is 413, any other problem (not JSON, not a delivery, beyond another limit)
 *       is 400;</li>
 *   <li><b>the listeners</b>, in the order they were added: each {@link Builder#on typed listener} whose data type
 *       the event carries, and each {@link Builder#onAny} listener. When one throws, the answer is 500 with that
 *       exception as {@link WebhookReceipt#failure()}, and the listeners after it are not called.</li>
 * </ol>
 * The {@link WebhookReceipt} says the status to answer with; it is never an exception.
 *
 * <pre>{@code
 * TexterWebhookReceiver receiver = TexterWebhookReceiver.builder()
 *         .secret(WebhookSecret.of(System.getenv("TEXTER_WEBHOOK_SECRET")))
 *         .on(NewIncomingMessageEventData.class, event -> reply(event.data().getChat()))
 *         .build();
 * WebhookReceipt receipt = receiver.receive(body, request::header, request.rawQuery());
 * respond(receipt.status(), receipt.reason());
 * }</pre>
 *
 * <p>Immutable and thread-safe (as far as the listeners are); one receiver serves every request. For the Servlet
 * API, {@code com.texterchat.client.webhook.servlet.TexterWebhookServlet} does the reading and answering.
 */
public final class TexterWebhookReceiver {

    /** The data classes of the events this SDK knows, for checking {@link Builder#on}. */
    private static final Set<Class<?>> EVENT_DATA_TYPES = eventDataTypes();

    private final @Nullable WebhookSecret secret;
    private final WebhookLimits limits;
    private final List<Consumer<WebhookEvent>> listeners;

    private TexterWebhookReceiver(Builder b) {
        this.secret = b.secret;
        this.limits = b.limits;
        this.listeners = List.copyOf(b.listeners);
    }

    /**
     * A builder; {@link Builder#secret} (or, deliberately, {@link Builder#allowUnauthenticated()}) is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Receives one request whose body is already in memory.
     *
     * @param body     the request body as received
     * @param header   looks a request header up by name, ignoring case (e.g. {@code request::getHeader}); returns
     *                 {@code null} when the request has none
     * @param rawQuery the URL's query as received, still percent-encoded, without the {@code ?}; {@code null} when
     *                 there is none
     * @return the decision
     */
    public WebhookReceipt receive(byte[] body, Function<String, @Nullable String> header, @Nullable String rawQuery) {
        Objects.requireNonNull(body, "body");
        if (!authenticates(header, rawQuery)) {
            return WebhookReceipt.unauthorized();
        }
        if (body.length > limits.maxBytes()) {
            return WebhookReceipt.tooLarge(limits);
        }
        return parseAndDispatch(body, true);
    }

    /**
     * Receives one request whose body is already in memory, with its headers as a map (names in any case; a
     * header given more than once must carry the secret every time).
     *
     * @param body     the request body as received
     * @param headers  the request headers, e.g. {@code HttpExchange.getRequestHeaders()}
     * @param rawQuery the URL's query as received, still percent-encoded, without the {@code ?}; {@code null} when
     *                 there is none
     * @return the decision
     */
    public WebhookReceipt receive(byte[] body, Map<String, List<String>> headers, @Nullable String rawQuery) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
        if (!carriesSecret(headerValues(headers), rawQuery)) {
            return WebhookReceipt.unauthorized();
        }
        if (body.length > limits.maxBytes()) {
            return WebhookReceipt.tooLarge(limits);
        }
        return parseAndDispatch(body, true);
    }

    /**
     * Receives one request whose body is still a stream: checks the secret before reading anything, then reads
     * at most {@link WebhookLimits#maxBytes()} plus one byte (so a large body never fills memory). Does not close
     * the stream; a failure to read it is a 400 with the {@link IOException} as its failure.
     *
     * @param body     the request body, e.g. a servlet request's input stream
     * @param header   looks a request header up by name, ignoring case; returns {@code null} when absent
     * @param rawQuery the URL's query as received, still percent-encoded; {@code null} when there is none
     * @return the decision
     */
    public WebhookReceipt receive(InputStream body, Function<String, @Nullable String> header,
            @Nullable String rawQuery) {
        Objects.requireNonNull(body, "body");
        if (!authenticates(header, rawQuery)) {
            return WebhookReceipt.unauthorized();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(limits.maxBytes() + 1);
        } catch (IOException e) {
            return WebhookReceipt.unreadable(e);
        }
        if (bytes.length > limits.maxBytes()) {
            return WebhookReceipt.tooLarge(limits);
        }
        return parseAndDispatch(bytes, false);
    }

    /**
     * Whether a request's headers and query carry the secret: the first step of {@link #receive}, for adapters
     * that want to refuse a request before reading its body. Always {@code true} for a receiver built with
     * {@link Builder#allowUnauthenticated()}.
     *
     * @param header   looks a request header up by name, ignoring case; returns {@code null} when absent
     * @param rawQuery the URL's query, still percent-encoded; {@code null} when there is none
     * @return {@code true} when at least one secret is presented and every presented one matches
     */
    public boolean authenticates(Function<String, @Nullable String> header, @Nullable String rawQuery) {
        Objects.requireNonNull(header, "header");
        return carriesSecret(name -> {
            String value = header.apply(name);
            return value == null ? List.of() : List.of(value);
        }, rawQuery);
    }

    /**
     * Whether this receiver checks a secret; {@code false} only when built with
     * {@link Builder#allowUnauthenticated()}.
     *
     * @return whether requests must carry the secret
     */
    public boolean requiresSecret() {
        return secret != null;
    }

    /**
     * The limits bodies are parsed within.
     *
     * @return the limits
     */
    public WebhookLimits limits() {
        return limits;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "TexterWebhookReceiver[" + (secret == null ? "unauthenticated" : "secret required") + ", "
                + listeners.size() + " listener(s), " + limits + "]";
    }

    private boolean carriesSecret(HeaderValues header, @Nullable String rawQuery) {
        WebhookSecret expected = secret;
        if (expected == null) {
            return true;
        }
        List<String> presented = new ArrayList<>(header.values(WebhookSecret.HEADER));
        presented.replaceAll(String::strip); // whitespace around a header value is not part of it
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (WebhookSecret.QUERY_PARAMETER.equals(decode(name))) {
                    String decoded = decode(value);
                    if (decoded == null) {
                        return false; // our parameter with a malformed escape proves nothing
                    }
                    presented.add(decoded);
                }
            }
        }
        boolean all = !presented.isEmpty();
        for (String value : presented) {
            all &= expected.matches(value); // no early exit: every value is compared
        }
        return all;
    }

    /** A query component decoded, or {@code null} when its escapes are malformed. */
    private static @Nullable String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private WebhookReceipt parseAndDispatch(byte[] body, boolean callerOwnsBody) {
        WebhookEvent event;
        try {
            event = TexterWebhooks.parse(body, callerOwnsBody, limits);
        } catch (InvalidWebhookException e) {
            return WebhookReceipt.invalid(e);
        }
        for (Consumer<WebhookEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (Exception e) { // also a checked exception thrown sneakily; an Error is not ours to answer
                return WebhookReceipt.listenerFailed(event, e);
            }
        }
        return WebhookReceipt.accepted(event);
    }

    private static HeaderValues headerValues(Map<String, List<String>> headers) {
        return name -> {
            List<String> values = new ArrayList<>();
            headers.forEach((key, list) -> {
                if (key != null && key.equalsIgnoreCase(name) && list != null) {
                    list.stream().filter(Objects::nonNull).forEach(values::add);
                }
            });
            return values;
        };
    }

    private static Set<Class<?>> eventDataTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (WebhookEventName name : WebhookEventName.values()) {
            if (name != WebhookEventName.UNKNOWN) {
                TexterWebhooks.eventDataType(name.getValue()).ifPresent(types::add);
            }
        }
        return Collections.unmodifiableSet(types);
    }

    /** Every value of one header. */
    @FunctionalInterface
    private interface HeaderValues {
        List<String> values(String name);
    }

    /** Builds a {@link TexterWebhookReceiver}. Not thread-safe; the receiver it builds is. */
    public static final class Builder {

        private @Nullable WebhookSecret secret;
        private boolean unauthenticated;
        private WebhookLimits limits = WebhookLimits.defaults();
        private final List<Consumer<WebhookEvent>> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * The secret every request must carry (header {@value WebhookSecret#HEADER} or query parameter
         * {@value WebhookSecret#QUERY_PARAMETER}): the one the subscription was imported with.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(WebhookSecret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Accepts requests without any secret. Anyone who learns the URL can then post forged events; use it only
         * where something else authenticates the requests (a gateway, mutual TLS).
         *
         * @return this builder
         */
        public Builder allowUnauthenticated() {
            this.unauthenticated = true;
            return this;
        }

        /**
         * How large and complex a body may be; {@link WebhookLimits#defaults()} when not given.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(WebhookLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Calls {@code listener} with every accepted delivery whose data is a {@code dataType}, e.g.
         * {@code on(NewIncomingMessageEventData.class, e -> ...)}.
         *
         * @param dataType the generated {@code *EventData} class of an event
         * @param listener called on the receiving thread
         * @param <D>      the data type
         * @return this builder
         * @throws IllegalArgumentException when {@code dataType} is not the data class of a webhook event this SDK
         *                                  knows (such a listener could never be called)
         */
        public <D> Builder on(Class<D> dataType, Consumer<? super KnownWebhookEvent<D>> listener) {
            Objects.requireNonNull(dataType, "dataType");
            Objects.requireNonNull(listener, "listener");
            if (!EVENT_DATA_TYPES.contains(dataType)) {
                throw new IllegalArgumentException(dataType.getName() + " is not the data class of a webhook event;"
                        + " use a generated *EventData class such as NewIncomingMessageEventData, or onAny(...)");
            }
            listeners.add(event -> {
                if (event instanceof KnownWebhookEvent<?> known && known.dataType() == dataType) {
                    @SuppressWarnings("unchecked") // its data type is D, checked just above
                    KnownWebhookEvent<D> typed = (KnownWebhookEvent<D>) known;
                    listener.accept(typed);
                }
            });
            return this;
        }

        /**
         * Calls {@code listener} with every accepted delivery, known or not ({@link UnknownWebhookEvent} for event
         * names this SDK version does not know).
         *
         * @param listener called on the receiving thread
         * @return this builder
         */
        public Builder onAny(Consumer<? super WebhookEvent> listener) {
            Objects.requireNonNull(listener, "listener");
            listeners.add(listener::accept);
            return this;
        }

        /**
         * The receiver.
         *
         * @return the immutable receiver
         * @throws IllegalStateException when neither a secret nor {@link #allowUnauthenticated()} was given, or
         *                               both
         */
        public TexterWebhookReceiver build() {
            if (secret == null && !unauthenticated) {
                throw new IllegalStateException("a webhook receiver needs the secret its subscription carries:"
                        + " call secret(...), or allowUnauthenticated() to accept forged deliveries knowingly");
            }
            if (secret != null && unauthenticated) {
                throw new IllegalStateException("a webhook receiver cannot both require a secret and allow"
                        + " unauthenticated requests; call only one of secret(...) and allowUnauthenticated()");
            }
            return new TexterWebhookReceiver(this);
        }
    }
}
