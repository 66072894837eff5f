package com.texterchat.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.texterchat.model.Chat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fast path for Texter's date-times reads exactly what jackson-datatype-jsr310 reads, and fails where it fails. */
class IsoOffsetDateTimeDeserializerTest {

    /** The standard reading: the same settings without the fast path. */
    private static final ObjectMapper STANDARD = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    @ParameterizedTest
    @ValueSource(strings = {"\"2025-02-26T13:02:58.353Z\"", "\"2025-02-26T13:02:58Z\"", "\"2025-02-26T13:02:58.1Z\"",
        "\"2025-02-26T13:02:58.123456789Z\"", "\"2025-11-01T15:48:14.076+02:00\"", "\"2025-11-01T15:48:14-05:30\"",
        "\"2025-11-01T15:48:14.5+00:00\"", "\"2025-11-01T15:48:14-00:00\"", "\"0001-01-01T00:00:00Z\"",
        "\"2024-02-29T23:59:59.999Z\"", "\"2025-11-01T15:48:14+14:00\"",
        // not the usual form: the standard deserializer reads these
        "\"2025-02-26t13:02:58.353z\"", "\"2025-02-26T13:02Z\"", "\"+12025-02-26T13:02:58Z\"",
        "1762012091000", "1762012091.5", "\"2025-11-01T15:48:14+05:30:15\""})
    void readsWhatTheStandardDeserializerReads(String json) throws Exception {
        OffsetDateTime expected = STANDARD.readValue(json, OffsetDateTime.class);

        OffsetDateTime read = TexterJson.mapper().readValue(json, OffsetDateTime.class);

        assertThat(read).isEqualTo(expected);
        assertThat(read.getOffset()).isEqualTo(expected.getOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2025-02-30T13:02:58Z\"", "\"2025-02-26T24:02:58Z\"", "\"2025-02-26T13:02:58.Z\"",
        "\"2025-02-26T13:02:58\"", "\"2025-02-26T13:02:58+19:00\"", "\"2025-02-26T13:02:58+0200\"",
        "\"2025-02-26 13:02:58Z\"", "\"20x5-02-26T13:02:58Z\"", "\"2025-02-26T13:02:58Zjunk\"", "\"\"", "true",
        "\"2025-02-26T13:02:58.1234567891Z\""})
    void failsWhereTheStandardDeserializerFails(String json) {
        Throwable standard = catchThrowable(() -> STANDARD.readValue(json, OffsetDateTime.class));
        Throwable fast = catchThrowable(() -> TexterJson.mapper().readValue(json, OffsetDateTime.class));

        if (standard == null) {
            assertThat(fast).isNull();
        } else {
            assertThat(fast).isNotNull().hasSameClassAs(standard).hasMessage(standard.getMessage());
        }
    }

    @Test
    void theFastPathHandlesTexterFormsItselfAndNothingElse() {
        assertThat(IsoOffsetDateTimeDeserializer.parse("2025-02-26T13:02:58.353Z"))
                .isEqualTo(OffsetDateTime.of(2025, 2, 26, 13, 2, 58, 353_000_000, ZoneOffset.UTC));
        assertThat(IsoOffsetDateTimeDeserializer.parse("2025-11-01T15:48:14-05:30").getOffset())
                .isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
        assertThat(IsoOffsetDateTimeDeserializer.parse("2025-02-26T13:02Z")).isNull();
        assertThat(IsoOffsetDateTimeDeserializer.parse("2025-02-30T13:02:58Z")).isNull();
        assertThat(IsoOffsetDateTimeDeserializer.parse("2025-02-26T13:02:58+18:30")).isNull();
    }

    @Test
    void modelsReadTheirDateTimesThroughIt() throws Exception {
        Chat chat = TexterJson.mapper().readValue("{\"created\":\"2025-02-26T13:02:58.353Z\","
                + "\"updatedAt\":\"2025-11-01T15:48:14.076+02:00\"}", Chat.class);

        assertThat(chat.getCreated()).isEqualTo(OffsetDateTime.of(2025, 2, 26, 13, 2, 58, 353_000_000, ZoneOffset.UTC));
        assertThat(chat.getUpdatedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void aPropertyWithItsOwnFormatKeepsJacksonsRules() throws Exception {
        WithFormat value = TexterJson.mapper().readValue("{\"at\":\"26.02.2025 13:02 +0000\"}", WithFormat.class);

        assertThat(value.at).isEqualTo(OffsetDateTime.of(2025, 2, 26, 13, 2, 0, 0, ZoneOffset.UTC));
    }

    static final class WithFormat {
        @JsonFormat(pattern = "dd.MM.yyyy HH:mm Z")
        public OffsetDateTime at;
    }
}
