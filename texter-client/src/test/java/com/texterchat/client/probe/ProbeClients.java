package com.texterchat.client.probe;

import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.testsupport.RawHttpServer;
import com.texterchat.client.testsupport.TestServer;
import java.time.Duration;

/** Clients of a {@link RawHttpServer} for the probes: no retries, short timeouts. */
final class ProbeClients {

    /** A valid Get Label answer. */
    static final String LABEL = "{\"id\":\"VIP\",\"name\":\"VIP\"}";

    private ProbeClients() {
    }

    static TexterClient.Builder builder(RawHttpServer server, Duration readTimeout) {
        return TexterClient.builder().baseUrl(server.baseUrl()).token(TestServer.TOKEN)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(readTimeout).retryPolicy(RetryPolicy.disabled());
    }
}
