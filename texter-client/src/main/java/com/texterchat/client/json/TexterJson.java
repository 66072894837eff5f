package com.texterchat.client.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The Jackson configuration every part of the SDK uses to read and write Texter JSON.
 *
 * <p>Reading is lenient so that new fields or enum values Texter adds never break a client, and nothing is lost:
 * a generated model keeps the properties it does not declare ({@code getAdditionalProperties()}), and an enum
 * property reads a value it does not know as the {@code UNKNOWN} constant while the model keeps the value as
 * received ({@code get<Name>Value()}); both are written back unchanged. (Classes that are not generated models
 * ignore unknown properties; an enum outside a model reads unknown values as its default constant.) Writing
 * leaves out fields that were never set (so a PATCH only carries what the caller changed), while an
 * explicit {@code null} set through a nullable field is still sent, e.g. to remove a quick reply's title.
 * Date-times are written as ISO-8601 strings; the usual form Texter sends is read by a fast path of its own.
 *
 * <p>A number is never silently changed to fit its field: a fraction or an exponent form in an integer field
 * ({@code 1.5}, {@code 1e-999999999}), a value beyond the range of an integer type, a floating-point value that
 * would be infinite ({@code 1e999999}) and a numeric date-time beyond the range of {@code java.time} are refused
 * with an error naming the field.
 */
public final class TexterJson {

    private static final ObjectMapper SHARED = newMapper();

    private TexterJson() {
    }

    /**
     * A new, independently configurable mapper with the SDK's settings.
     *
     * @return a mapper of its own, configured as the client's
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // registered after JavaTimeModule, so it takes precedence for OffsetDateTime
                .addModule(new SimpleModule("TexterDateTimes")
                        .addDeserializer(OffsetDateTime.class, new IsoOffsetDateTimeDeserializer())
                        .addDeserializer(Double.class, FiniteFloatingPointDeserializer.doubles(false))
                        .addDeserializer(Double.TYPE, FiniteFloatingPointDeserializer.doubles(true))
                        .addDeserializer(Float.class, FiniteFloatingPointDeserializer.floats(false))
                        .addDeserializer(Float.TYPE, FiniteFloatingPointDeserializer.floats(true)))
                .addModule(new JsonNullableModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a fraction or an exponent in an integer field is refused, not truncated (1.5 -> 1, 1e-9 -> 0)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .build();
    }

    /**
     * The shared mapper. It is thread-safe; do not reconfigure it (use {@link #newMapper()} for a variant).
     *
     * @return the mapper the SDK itself uses
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }
}
