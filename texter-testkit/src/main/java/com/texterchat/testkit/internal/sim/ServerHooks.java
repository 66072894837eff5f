package com.texterchat.testkit.internal.sim;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a {@link com.texterchat.testkit.TexterMockServer} started for the simulator adds to a plain one. */
public interface ServerHooks {

    /** WireMock extensions to register (the simulator's response transformer). */
    List<Extension> extensions();

    /** The general answer of an operation in place of its spec example; null keeps the example. */
    @Nullable ResponseDefinition answer(SpecOperation operation);

    /**
     * Answers a request that passed the spec check without WireMock, while the server's stubs are the ones it
     * started with (the operation's default stub would answer it); null when every request goes through WireMock.
     */
    default @Nullable DirectAnswers direct() {
        return null;
    }

    /** What answers requests the mock server's direct lane takes; see {@link #direct()}. */
    @FunctionalInterface
    interface DirectAnswers {
        /**
         * The answer to a request for an operation.
         *
         * @param operation the operation
         * @param url       path and query as sent
         * @param body      the body as sent, empty for none
         */
        Reply answer(SpecOperation operation, String url, byte[] body);
    }

    /**
     * An answer as sent: what WireMock's response definition of it would hold, without building one.
     *
     * @param status      the HTTP status
     * @param contentType the {@code Content-Type}, null for an answer without a body
     * @param body        the body ({@code ""} when there is none)
     */
    record Reply(int status, @Nullable String contentType, String body) {

        /** The same answer as WireMock's response definition (what the journal shows). */
        public ResponseDefinition definition() {
            ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
            if (contentType != null) {
                response.withHeader("Content-Type", contentType).withBody(body);
            }
            return response.build();
        }

        /** The answer a response definition holds (its status, content type and text body). */
        public static Reply of(ResponseDefinition definition) {
            HttpHeader type = definition.getHeaders() == null ? null
                    : definition.getHeaders().getHeader("Content-Type");
            String body = definition.getBody();
            return new Reply(definition.getStatus(), type == null || !type.isPresent() ? null : type.firstValue(),
                    body == null ? "" : body);
        }
    }

    /** Called at the end of the server's reset: the model goes back to its seed. */
    void reset();

    /** The webhooks delivered since the last reset, oldest first. */
    List<WebhookDelivery> deliveries();

    /** The port to listen on; 0 (the default) for a free one. */
    default int port() {
        return 0;
    }

    /** The address to listen on; {@code 127.0.0.1} unless a standalone simulator is told otherwise. */
    default String bindAddress() {
        return "127.0.0.1";
    }
}
