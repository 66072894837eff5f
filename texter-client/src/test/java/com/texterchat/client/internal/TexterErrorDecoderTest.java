package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.client.error.TexterForbiddenException;
import com.texterchat.client.json.TexterJson;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of error decoding that a client against a full spec cannot reach. */
class TexterErrorDecoderTest {

    private static Response forbidden() {
        Request request = Request.create(Request.HttpMethod.POST, "https://demo.texterchat.com/server/api/v2/labels",
                Map.of(), new byte[0], StandardCharsets.UTF_8, null);
        return Response.builder().status(403).request(request).headers(Map.of())
                .body("{\"error\":\"Forbidden\"}", StandardCharsets.UTF_8).build();
    }

    @Test
    void withoutTheSpecAForbiddenMessagePointsToWhereTheScopesAreListed() throws IOException {
        OperationCatalog empty = OperationCatalog.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        TexterErrorDecoder decoder = new TexterErrorDecoder(TexterJson.mapper(), new Redactor("secret"), () -> empty);

        Exception e = decoder.decode("LabelsApi#createLabel(CreateLabelRequest)", forbidden());

        assertThat(e).isInstanceOfSatisfying(TexterForbiddenException.class, forbidden -> {
            assertThat(forbidden.requiredScopes()).isEmpty();
            assertThat(forbidden.operation()).isEqualTo("POST /server/api/v2/labels");
            assertThat(forbidden.getMessage()).contains("see x-texter-scopes of POST /server/api/v2/labels in openapi.json");
        });
    }
}
