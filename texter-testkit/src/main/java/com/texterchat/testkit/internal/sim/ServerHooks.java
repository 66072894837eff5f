package com.texterchat.testkit.internal.sim;

import com.github.tomakehurst.wiremock.extension.Extension;
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
        ResponseDefinition answer(SpecOperation operation, String url, byte[] body);
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
