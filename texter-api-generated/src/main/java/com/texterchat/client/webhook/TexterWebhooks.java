package com.texterchat.client.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.texterchat.client.json.TexterJson;
import com.texterchat.generated.model.WebhookEventName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * everywhere in the SDK. Thread-safe.
 */
public final class TexterWebhooks {

    private static final String EVENT_NAME = "eventName";
    private static final String EVENT_DATA = "eventData";
    private static final Map<WebhookEventName, Class<?>> DATA_TYPES = dataTypes();

    private TexterWebhooks() {
    }

    /**
     * Parses a webhook body.
     *
     * @param body the request body
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery
     */
    public static WebhookEvent parse(String body) {
        return parse(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a webhook body given as bytes (UTF-8, or another Unicode encoding JSON allows).
     *
     * @param body the request body
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery
     */
    public static WebhookEvent parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        ObjectMapper mapper = TexterJson.mapper();
        ObjectReader reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidWebhookException("Webhook body is not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidWebhookException("Webhook body is empty; expected a JSON object with eventName and"
                    + " eventData", null);
        }
        if (!root.isObject()) {
            throw new InvalidWebhookException("Webhook body must be a JSON object with eventName and eventData, got"
                    + " a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        JsonNode name = root.get(EVENT_NAME);
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new InvalidWebhookException("Webhook body needs a non-empty string eventName, got "
                    + (name == null ? "none" : name.toString()), null);
        }
        String eventName = name.asText();
        JsonNode data = root.get(EVENT_DATA);
        if (data != null && !data.isObject() && !data.isNull()) {
            throw new InvalidWebhookException("eventData of " + eventName + " must be a JSON object, got a JSON "
                    + data.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        JsonNode dataJson = data == null || data.isNull() ? JsonNodeFactory.instance.objectNode() : data;
        Map<String, Object> extras = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(EVENT_NAME) && !field.getKey().equals(EVENT_DATA)) {
                extras.put(field.getKey(), mapper.convertValue(field.getValue(), Object.class));
            }
        });
        Map<String, Object> frozenExtras = Collections.unmodifiableMap(extras);
        Class<?> type = DATA_TYPES.get(WebhookEventName.fromValue(eventName));
        if (type == null) {
            return new UnknownWebhookEvent(eventName, dataJson, frozenExtras);
        }
        if (data == null || data.isNull()) {
            throw new InvalidWebhookException(eventName + " delivery has no eventData object", null);
        }
        return known(mapper, eventName, dataJson, frozenExtras, type);
    }

    /**
     * Parses a webhook body read from a stream, e.g. a servlet request's input. Reads the stream to its end; does
     * not close it.
     *
     * @param body the request body
     * @return the event
     * @throws InvalidWebhookException when the body is not a Texter delivery
     * @throws UncheckedIOException    when reading the stream fails
     */
    public static WebhookEvent parse(InputStream body) {
        Objects.requireNonNull(body, "body");
        try {
            return parse(body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook body", e);
        }
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

    private static <D> KnownWebhookEvent<D> known(ObjectMapper mapper, String eventName, JsonNode data,
            Map<String, Object> extras, Class<D> type) {
        try {
            return new KnownWebhookEvent<>(eventName, data, extras, type, mapper.treeToValue(data, type));
        } catch (JsonProcessingException e) {
            String at = e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()
                    ? " at eventData" + path((JsonMappingException) e) : "";
            throw new InvalidWebhookException("eventData of " + eventName + " does not fit " + type.getSimpleName()
                    + at + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
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
