package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.json.TexterJson;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies as the SDK writes them, and a body that cannot be written. */
class TexterEncoderTest {

    /** A body whose {@code secret} property cannot be read. */
    public static final class Unwritable {

        /** Always fails. */
        public String getSecret() {
            throw new IllegalStateException("not readable");
        }
    }

    private final TexterEncoder encoder = new TexterEncoder(TexterJson.mapper());

    @Test
    void writesUtf8JsonWithoutUnsetFieldsAndWithoutAContentLengthHeader() {
        RequestTemplate template = new RequestTemplate();
        SessionMessage message = new SessionMessage().type(OutgoingMessageType.TEXT).text("שלום");

        encoder.encode(message, SessionMessage.class, template);
        encoder.encode(message, SessionMessage.class, template); // the cached writer gives the same bytes

        assertThat(new String(template.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"text\",\"text\":\"שלום\"}");
        assertThat(template.requestCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(template.headers()).doesNotContainKey("Content-Length");
    }

    @Test
    void aBodyThatCannotBeWrittenFailsNamingTheProperty() {
        RequestTemplate template = new RequestTemplate();

        assertThatThrownBy(() -> encoder.encode(new Unwritable(), Unwritable.class, template))
                .isInstanceOf(EncodeException.class)
                .hasMessageStartingWith("The request body could not be written as JSON")
                .hasMessageContaining("secret")
                .hasMessageContaining("not readable");
    }
}
