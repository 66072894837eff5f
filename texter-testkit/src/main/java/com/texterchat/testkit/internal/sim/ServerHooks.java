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
