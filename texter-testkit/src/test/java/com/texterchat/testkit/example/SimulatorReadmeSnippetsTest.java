package com.texterchat.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.texterchat.Texter;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.Message;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Runs the simulator snippet of texter-testkit/README.md ({@link ReadmeSnippets#simulatorFlow}) on the simulator. */
@TexterTest(simulator = true)
class SimulatorReadmeSnippetsTest {

    @Test
    void theSubscriptionDeliversTheIncomingMessageAndTheAnswerIsReadBack(TexterSimulator simulator, Texter texter)
            throws IOException {
        List<byte[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/texter/events", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/texter/events";

            ReadmeSnippets.SimulatedFlow flow = ReadmeSnippets.simulatorFlow(simulator, texter, url);

            assertThat(flow.delivery().url()).isEqualTo(url);
            assertThat(flow.delivery().status()).hasValue(204);
            assertThat(received).singleElement().satisfies(body -> assertThat(TexterWebhooks.parse(body)
                    .dataAs(NewIncomingMessageEventData.class)).hasValueSatisfying(
                            data -> assertThat(data.getMessage().getText()).isEqualTo("Is my order ready?")));
            assertThat(flow.history()).extracting(Message::getText)
                    .containsExactly("Is my order ready?", "Yes, pick it up until 18:00.");
            assertThat(texter.messages().getChatMessages(flow.history().get(0).getParentChat(), null, null, null, null)
                    .getMessages()).as("the refused send is not stored").hasSize(2);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theSeedOfTheReadmeIsOneTheSimulatorTakes() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Simulator\n");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        String seed = readme.substring(start, readme.indexOf("```", start));

        try (TexterSimulator seeded = TexterSimulator.builder().seedJson(seed).start()) {
            assertThat(seeded.clock().now()).hasToString("2025-06-01T09:00:00Z");
            String chatId = seeded.chatIdOf("972521234567").orElseThrow();
            ChatSearchResult vip = seeded.texter().chats().searchChats(null, null, null, java.util.Set.of("VIP"), null,
                    null, null, null);
            assertThat(vip.getData()).singleElement().satisfies(chat -> assertThat(chat.getId()).isEqualTo(chatId));
            assertThat(seeded.texter().messages().getChatMessages(chatId, null, null, null, null).getMessages())
                    .extracting(Message::getText).containsExactly("Hi");
            assertThat(seeded.state()).contains("order_ready").contains("972549431678");
        }
    }
}
