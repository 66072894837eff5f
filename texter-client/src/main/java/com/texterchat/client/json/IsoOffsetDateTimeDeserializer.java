package com.texterchat.client.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reads the date-times Texter sends ({@code 2025-02-26T13:02:58.353Z}, or with a {@code +hh:mm} offset) with a
 * small hand-written parser, keeping the offset as sent, and leaves every other form (epoch numbers, lower-case
 * letters, missing seconds, invalid dates, properties with their own {@code @JsonFormat}) to jackson-datatype-jsr310,
 * so results and errors are the same as with the standard deserializer. {@code java.time}'s general-purpose
 * formatter costs a few microseconds per value, a third of the time to read a chat. A numeric value beyond the
 * range of {@code java.time} ({@code 1e999999}) is refused instead of overflowing into some date near 1970.
 */
final class IsoOffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime>
        implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    @SuppressWarnings("serial") // declared JsonDeserializer, but it is (a contextual copy of) jsr310's InstantDeserializer, which is Serializable
    private final JsonDeserializer<OffsetDateTime> standard;

    IsoOffsetDateTimeDeserializer() {
        this(InstantDeserializer.OFFSET_DATE_TIME);
    }

    private IsoOffsetDateTimeDeserializer(JsonDeserializer<OffsetDateTime> standard) {
        super(OffsetDateTime.class);
        this.standard = standard;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = ((ContextualDeserializer) standard).createContextual(ctxt, property);
        JsonFormat.Value format = findFormatOverrides(ctxt, property, OffsetDateTime.class);
        if (format != null && !format.equals(JsonFormat.Value.empty())) {
            return contextual; // a format of its own: Jackson's rules only
        }
        return new IsoOffsetDateTimeDeserializer((JsonDeserializer<OffsetDateTime>) contextual);
    }

    @Override
    public @Nullable OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            OffsetDateTime fast = parse(p.getText());
            if (fast != null) {
                return fast;
            }
        }
        if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT) && p.getDecimalValue().abs().compareTo(MAX_EPOCH_SECONDS) > 0
                || p.hasToken(JsonToken.VALUE_NUMBER_INT) && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            // jsr310 would let the seconds overflow a long and return some date around 1970
            throw InvalidFormatException.from(p, "Epoch value " + shortened(p.getText()) + " is beyond the range of"
                    + " a date-time", p.getText(), OffsetDateTime.class);
        }
        return standard.deserialize(p, ctxt);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+hh:mm|-hh:mm)}, or {@code null} for anything else.
     *
     * @param text the JSON string
     * @return the date-time, or {@code null} when the text is not of that form or not a valid date-time
     */
    static @Nullable OffsetDateTime parse(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + (text.charAt(i) - '0');
                i++;
            }
            int fractionDigits = i - start;
            if (fractionDigits == 0) {
                return null;
            }
            for (int pad = fractionDigits; pad < 9; pad++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && text.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int offsetHours = digits(text, i + 1, 2);
            int offsetMinutes = digits(text, i + 4, 2);
            if ((offsetHours | offsetMinutes) < 0) {
                return null;
            }
            int sign = text.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
            } catch (DateTimeException invalid) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The value of {@code count} decimal digits at {@code start}, or -1 when one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
