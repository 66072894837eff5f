package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.api.LabelsApi;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.testsupport.TestServer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Probes of {@link TexterClient#close()}: threads end, connections close, later calls are refused. */
@Timeout(60)
class LifecycleProbeTest {

    private static final String LABELS = "{\"total\":0,\"labels\":[]}";

    @Test
    void closingReleasesTheClientsThreadsAndConnections() throws Exception {
        try (DropServer server = DropServer.answering(LABELS)) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            TexterClient client = client(server.baseUrl());
            client.labels().listLabels(null, null);
            client.labels().listLabels(null, null);
            ClientThreads own = ClientThreads.startedSince(before);
            assertThat(own.names()).anyMatch(n -> n.startsWith("texter-http-"))
                    .anyMatch(n -> n.endsWith("-SelectorManager"));
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.closedByClient()).isZero();

            client.close();

            own.awaitEnded(server::closedByClient, 1);
        }
    }

    @Test
    void callsAfterCloseAreRefusedBeforeAnythingIsSentAndCloseIsIdempotent() throws Exception {
        try (DropServer server = DropServer.answering(LABELS)) {
            TexterClient client = client(server.baseUrl());
            LabelsApi labels = client.labels();
            labels.listLabels(null, null);

            client.close();
            client.close();

            assertThatThrownBy(() -> labels.listLabels(null, null)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("this TexterClient is closed: listLabels (GET /labels) was not sent");
            assertThatThrownBy(() -> client.chats().getChat("67bf11038b24880cc966f799"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    private static TexterClient client(String baseUrl) {
        return TexterClient.builder().baseUrl(baseUrl).token(TestServer.TOKEN).retryPolicy(RetryPolicy.disabled())
                .build();
    }
}
