package com.texterchat.client.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.texterchat.client.internal.Utf8;
import com.texterchat.client.json.TexterJson;
import com.texterchat.model.WebhookEventName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Parses the body of a webhook POST from Texter into a {@link WebhookEvent}.
 *
 * <pre>{@code
 * WebhookEvent event = TexterWebhooks.parse(request.getInputStream());
 * if (event instanceof KnownWebhookEvent<?> known && known.data() instanceof ChatAssignedEventData assigned) {
 *     notifyAgent(assigned.getAgent(), assigned.getChat());
 * }
 * }</pre>
 *
 * <p>Which model an event's data binds to follows from the generated code: each {@link WebhookEventName} (from
 * the spec's webhook event list) maps to the generated class named after it, {@code newIncomingMessage} to
 * {@code NewIncomingMessageEventData} and so on. Unknown fields and enum values in the data are tolerated, like
 * everywhere in the SDK.
 *
 * <p>Values that Texter fills in by string interpolation parse as well as their typed form: a field that holds a
 * list also takes a single value (Message Status Changed's {@code "externalId": "wamid..."} becomes a list of that
 * one ID, exactly as sent, never split), and number, enum-number and boolean fields also take their value as a
 * string ({@code "messageStatus": "3"}, {@code "timestamp": "1761574716050"}, {@code "externalBot": "true"}). A
 * string that is not such a value ({@code "abc"} for a number) is refused with an {@link InvalidWebhookException}
 * naming the field, never read as some other value; {@link WebhookEvent#eventDataJson()} always has the data as
 * received. Thread-safe.
 */
public final class TexterWebhooks {

    private static final String EVENT_NAME = "eventName";
    private static final String EVENT_DATA = "eventData";
    private static final Map<WebhookEventName, Class<?>> DATA_TYPES = dataTypes();
    /** One reader per model, made on first use: it holds the model's deserializer, which is costly to look up. */
    private static final ConcurrentMap<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

    private TexterWebhooks() {
    }

    /**
     * Parses a webhook body within the {@linkplain WebhookLimits#defaults() default limits}.
     *
     * @param body the request body
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery or is beyond the limits
     */
    public static WebhookEvent parse(String body) {
        return parse(body, WebhookLimits.defaults());
    }

    /**
     * Parses a webhook body within the given limits.
     *
     * @param body   the request body
     * @param limits how large and complex the body may be
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery or is beyond the limits
     */
    public static WebhookEvent parse(String body, WebhookLimits limits) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(limits, "limits");
        if (body.length() > limits.maxBytes()) { // each character is at least one byte of UTF-8
            throw tooLarge(limits);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        return parse(bytes, false, limits);
    }

    /**
     * Parses a webhook body given as bytes (UTF-8, or another Unicode encoding JSON allows), within the
     * {@linkplain WebhookLimits#defaults() default limits}.
     *
     * @param body the request body
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery or is beyond the limits
     */
    public static WebhookEvent parse(byte[] body) {
        return parse(body, WebhookLimits.defaults());
    }

    /**
     * Parses a webhook body given as bytes (UTF-8, or another Unicode encoding JSON allows), within the given
     * limits.
     *
     * @param body   the request body
     * @param limits how large and complex the body may be
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery or is beyond the limits
     */
    public static WebhookEvent parse(byte[] body, WebhookLimits limits) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(limits, "limits");
        if (body.length > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        return parse(body, true, limits);
    }

    /**
     * Parses bytes; when the caller owns them (and may reuse the array), a typed event keeps a copy for
     * {@link WebhookEvent#eventDataJson()}.
     */
    static WebhookEvent parse(byte[] body, boolean callerOwnsBody, WebhookLimits limits) {
        int invalid = Utf8.firstInvalid(body);
        if (invalid >= 0) {
            throw new InvalidWebhookException("Webhook body is not valid UTF-8: an overlong or out-of-range byte"
                    + " sequence at byte " + invalid, null);
        }
        try (JsonParser parser = limits.factory().createParser(body)) {
            return read(parser, body, callerOwnsBody);
        } catch (StreamConstraintsException e) {
            throw beyondLimits(e, limits);
        } catch (StreamReadException e) {
            throw notJson(e);
        } catch (IOException e) {
            // from an in-memory body, only content can fail: an undecodable encoding, a refused value
            StreamConstraintsException limit = causeOfType(e, StreamConstraintsException.class);
            if (limit != null) {
                throw beyondLimits(limit, limits);
            }
            throw new InvalidWebhookException("Webhook body is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a webhook body read from a stream, e.g. a servlet request's input, within the
     * {@linkplain WebhookLimits#defaults() default limits}. Reads at most one byte more than the limit; does not
     * close the stream.
     *
     * @param body the request body
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery or is beyond the limits
     * @throws UncheckedIOException    when reading the stream fails
     */
    public static WebhookEvent parse(InputStream body) {
        return parse(body, WebhookLimits.defaults());
    }

    /**
     * Parses a webhook body read from a stream, e.g. a servlet request's input, within the given limits. Reads
     * the stream to its end, but never more than {@link WebhookLimits#maxBytes()} plus one byte; does not close
     * it.
     *
     * @param body   the request body
     * @param limits how large and complex the body may be
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery or is beyond the limits
     * @throws UncheckedIOException    when reading the stream fails
     */
    public static WebhookEvent parse(InputStream body, WebhookLimits limits) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(limits, "limits");
        byte[] bytes;
        try {
            bytes = body.readNBytes(limits.maxBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook body", e);
        }
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        return parse(bytes, false, limits);
    }

    /**
     * The model class the data of an event binds to.
     *
     * @param eventName e.g. {@code "chatAssigned"}
     * @return e.g. {@code ChatAssignedEventData.class}; empty for event names this SDK version does not know
     */
    public static Optional<Class<?>> eventDataType(String eventName) {
        return Optional.ofNullable(DATA_TYPES.get(WebhookEventName.fromValue(eventName)));
    }

    /**
     * Reads the delivery in one pass. Texter puts {@code eventName} before {@code eventData}, so the data binds
     * straight into its model as the parser reaches it; when the name comes later, the data is buffered first.
     * The {@code eventData} tree of a typed event is only built if {@link WebhookEvent#eventDataJson()} is called.
     */
    private static WebhookEvent read(JsonParser parser, byte[] body, boolean callerOwnsBody) throws IOException {
        ObjectMapper mapper = TexterJson.mapper();
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new InvalidWebhookException("Webhook body is empty; expected a JSON object with eventName and"
                    + " eventData", null);
        }
        if (first != JsonToken.START_OBJECT) {
            JsonNode root = mapper.readTree(parser);
            requireEnd(parser);
            throw new InvalidWebhookException("Webhook body must be a JSON object with eventName and eventData, got"
                    + " a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT), null);
        }
        @Nullable String eventName = null;
        @Nullable Class<?> type = null;
        @Nullable String invalidName = null;
        @Nullable JsonToken dataStart = null;
        @Nullable Object data = null;
        @Nullable JsonNode dataJson = null;
        @Nullable TokenBuffer bufferedData = null;
        Map<String, @Nullable Object> extras = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (EVENT_NAME.equals(field)) {
                if (eventName != null || invalidName != null) {
                    throw duplicate(field);
                }
                String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                if (text != null && !text.isBlank()) {
                    eventName = text;
                    type = DATA_TYPES.get(WebhookEventName.fromValue(eventName));
                } else {
                    JsonNode name = mapper.readTree(parser);
                    invalidName = name == null ? "null" : name.toString();
                }
            } else if (EVENT_DATA.equals(field)) {
                if (dataStart != null) {
                    throw duplicate(field);
                }
                dataStart = value;
                if (value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                } else if (eventName == null) {
                    bufferedData = new TokenBuffer(parser);
                    bufferedData.copyCurrentStructure(parser);
                } else if (type == null) {
                    dataJson = mapper.readTree(parser);
                } else {
                    data = bind(parser, eventName, type);
                }
            } else {
                extras.put(field, extraValue(mapper, parser, value));
            }
        }
        requireEnd(parser);

        if (eventName == null) {
            throw new InvalidWebhookException("Webhook body needs a non-empty string eventName, got "
                    + (invalidName == null ? "none" : invalidName), null);
        }
        boolean hasData = dataStart == JsonToken.START_OBJECT;
        if (dataStart != null && !hasData && dataStart != JsonToken.VALUE_NULL) {
            throw new InvalidWebhookException("eventData of " + eventName + " must be a JSON object, got a JSON "
                    + valueKind(dataStart), null);
        }
        Map<String, @Nullable Object> frozenExtras = Collections.unmodifiableMap(extras);
        if (type == null) {
            if (dataJson == null) {
                dataJson = bufferedData != null ? mapper.readTree(bufferedData.asParser(mapper))
                        : JsonNodeFactory.instance.objectNode();
            }
            return new UnknownWebhookEvent(eventName, dataJson, frozenExtras);
        }
        if (!hasData) {
            throw new InvalidWebhookException(eventName + " delivery has no eventData object", null);
        }
        if (data == null) {
            // eventData came before eventName, so it was buffered (an object, as hasData says)
            try (JsonParser buffered = Objects.requireNonNull(bufferedData, "bufferedData").asParser(mapper)) {
                data = bind(buffered, eventName, type);
            }
        }
        return known(eventName, type, data, callerOwnsBody ? body.clone() : body, frozenExtras);
    }

    private static <D> KnownWebhookEvent<D> known(String eventName, Class<D> type, Object data, byte[] body,
            Map<String, @Nullable Object> extras) {
        return new KnownWebhookEvent<>(eventName, () -> eventDataOf(body), extras, type, type.cast(data));
    }

    /** Binds the object the parser is at to the event's model. */
    private static Object bind(JsonParser parser, String eventName, Class<?> type) throws IOException {
        try {
            return READERS.computeIfAbsent(type, TexterWebhooks::readerFor).readValue(parser);
        } catch (DatabindException e) {
            StreamConstraintsException limit = causeOfType(e, StreamConstraintsException.class);
            if (limit != null) {
                throw limit;
            }
            JsonParseException syntax = syntaxError(e);
            if (syntax != null) {
                throw notJson(syntax);
            }
            String at = e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()
                    ? " at eventData" + path((JsonMappingException) e) : "";
            throw new InvalidWebhookException("eventData of " + eventName + " does not fit " + type.getSimpleName()
                    + at + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The reader of one event model: the SDK's mapper, also taking a single value where the model has a list.
     * Texter's own subscriptions fill some eventData values by string interpolation ({@code %provider:key%}), so
     * {@code externalId} may come as {@code "wamid..."} instead of {@code ["wamid..."]}; numbers and booleans sent
     * as strings ({@code "3"}, {@code "true"}) are read by the mapper's usual scalar coercion, and a string that is
     * no such value ({@code "abc"} for a number) still fails.
     */
    private static ObjectReader readerFor(Class<?> type) {
        return TexterJson.mapper().readerFor(type).with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /** An extra envelope value as a plain Java value; strings, booleans and nulls without a databind round. */
    private static @Nullable Object extraValue(ObjectMapper mapper, JsonParser parser, JsonToken value)
            throws IOException {
        return switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> mapper.readValue(parser, Object.class);
        };
    }

    /** The eventData tree of a body that already parsed once. */
    private static JsonNode eventDataOf(byte[] body) {
        try {
            return TexterJson.mapper().readTree(body).get(EVENT_DATA);
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook body parsed before and cannot fail now", e);
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new InvalidWebhookException("Webhook body is not valid JSON: more content after the JSON value"
                    + location(parser.currentTokenLocation()), null);
        }
    }

    private static InvalidWebhookException duplicate(String field) {
        return new InvalidWebhookException("Webhook body has " + field + " more than once", null);
    }

    private static InvalidWebhookException notJson(StreamReadException e) {
        return new InvalidWebhookException("Webhook body is not valid JSON: " + e.getOriginalMessage()
                + location(e.getLocation()), e);
    }

    private static InvalidWebhookException tooLarge(WebhookLimits limits) {
        return new InvalidWebhookException("Webhook body is larger than " + limits.maxBytes() + " bytes", null);
    }

    private static InvalidWebhookException beyondLimits(StreamConstraintsException e, WebhookLimits limits) {
        return new InvalidWebhookException("Webhook body is beyond the limits (" + limits + "): "
                + e.getOriginalMessage() + location(e.getLocation()), e);
    }

    private static <T extends Throwable> @Nullable T causeOfType(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The parse error behind a binding failure, when the JSON itself was broken. */
    private static @Nullable JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return (JsonParseException) t;
            }
        }
        return null;
    }

    private static String valueKind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    private static String location(@Nullable JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Each known event name mapped to the generated {@code <EventName>EventData} class. */
    private static Map<WebhookEventName, Class<?>> dataTypes() {
        Map<WebhookEventName, Class<?>> types = new EnumMap<>(WebhookEventName.class);
        String modelPackage = WebhookEventName.class.getPackageName();
        for (WebhookEventName name : WebhookEventName.values()) {
            if (name == WebhookEventName.UNKNOWN) {
                continue;
            }
            String value = name.getValue();
            String className = modelPackage + "." + Character.toUpperCase(value.charAt(0)) + value.substring(1)
                    + "EventData";
            try {
                types.put(name, Class.forName(className, false, WebhookEventName.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                LoggerFactory.getLogger(TexterWebhooks.class).warn("No generated class {} for webhook event {};"
                        + " its deliveries are parsed as UnknownWebhookEvent", className, value);
            }
        }
        return Collections.unmodifiableMap(types);
    }
}
