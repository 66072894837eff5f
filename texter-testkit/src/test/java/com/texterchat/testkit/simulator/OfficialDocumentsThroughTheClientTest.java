package com.texterchat.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.texterchat.Texter;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.Message;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.Problem;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.TemplateSubscriptionRequest;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.testkit.RepoSpec;
import com.texterchat.testkit.junit.TexterTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The done-when for the official documents, end to end: each of Texter's 19 "(SUB)" documents, with its
 * {@code {{yourWebhookURL}}} pointed at a JDK HTTP server on 127.0.0.1, is imported through the client (Import
 * Subscription) into a running simulator; then the event that triggers it happens (a simulated event, or the API
 * call that causes it), the receiver gets exactly one delivery, and {@link TexterWebhooks#parse} reads it into the
 * event-data class the spec's webhook-event table names, about the chat (message, problem) the event was about.
 */
@TexterTest(simulator = true)
class OfficialDocumentsThroughTheClientTest {

    private static final Path DOCUMENTS = RepoSpec.officialSubscriptionDocuments();
    private static final String NIV = "0521234567";
    private static final String PATH = "/hooks/texter";

    private static HttpServer receiver;
    private static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext(PATH, exchange -> {
            RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void nothingReceivedYet() {
        RECEIVED.clear();
    }

    /** What the test expects in the delivered event data: the JSON pointer and its value. */
    record Expected(String pointer, String value) {
    }

    /** Sets the project up, imports the document ({@code subscribe}) and then makes its event happen. */
    @FunctionalInterface
    interface Flow {
        Expected run(TexterSimulator simulator, Texter texter, Runnable subscribe);
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                arguments("sub-all-messages.json", "newMessage", Map.of(), (Flow) (s, t, subscribe) -> {
                    subscribe.run();
                    return new Expected("/message/_id", s.simulate().incomingMessage(NIV, "Hi").getId());
                }),
                arguments("sub-new-incoming-messages.json", "newIncomingMessage", Map.of(), (Flow) (s, t, subscribe) -> {
                    subscribe.run();
                    return new Expected("/message/_id", s.simulate().incomingMessage(NIV, "Hi").getId());
                }),
                arguments("sub-messages-with-specific-text.json", "newMatchedMessage",
                        Map.of("{{word1}}", "help", "{{word2}}", "I want to speak to a human"),
                        (Flow) (s, t, subscribe) -> {
                            subscribe.run();
                            return new Expected("/message/text", s.simulate().incomingMessage(NIV, "help").getText());
                        }),
                arguments("sub-messages-with-attachments.json", "newMediaMessage", Map.of(), (Flow) (s, t, subscribe) -> {
                    subscribe.run();
                    Message media = s.simulate().incomingMedia(NIV, "document", "receipt.pdf", "application/pdf",
                            "my receipt");
                    return new Expected("/message/_id", media.getId());
                }),
                arguments("sub-message-status-changed.json", "messageStatusChanged", Map.of(),
                        (Flow) (s, t, subscribe) -> {
                            String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                            String sent = sendText(t, chatId);
                            subscribe.run();
                            s.simulate().messageStatus(sent, MessageStatus.SEEN);
                            return new Expected("/chat/_id", chatId);
                        }),
                arguments("sub-messages-failed-to-deliver.json", "messageFailed", Map.of(),
                        (Flow) (s, t, subscribe) -> {
                            String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                            String sent = sendText(t, chatId);
                            subscribe.run();
                            s.simulate().messageStatus(sent, MessageStatus.FAILED, "reengagement window closed");
                            return new Expected("/error", "reengagement window closed");
                        }),
                arguments("sub-chat-pending.json", "chatPending", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    subscribe.run();
                    t.chats().assignChat(new AssignChatRequest().chatId(chatId).departmentId("sales"));
                    return new Expected("/chat/_id", chatId);
                }),
                arguments("sub-chat-assigned.json", "chatAssigned", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    subscribe.run();
                    s.simulate().agentTakes(chatId, Agent.of("Tyler", "tyler@example.com"));
                    return new Expected("/agent/email", "tyler@example.com");
                }),
                arguments("sub-chat-resolved.json", "chatResolved", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    subscribe.run();
                    t.chats().resolveChat(chatId, new ResolveChatRequest().notifyClient(false));
                    return new Expected("/chat/_id", chatId);
                }),
                arguments("sub-chat-resolved-by-agent.json", "chatResolvedByAgent", Map.of(),
                        (Flow) (s, t, subscribe) -> {
                            String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                            Agent tyler = Agent.of("Tyler", "tyler@example.com");
                            s.simulate().agentTakes(chatId, tyler);
                            subscribe.run();
                            s.simulate().agentResolves(chatId);
                            return new Expected("/chat/agent/uid", tyler.id());
                        }),
                arguments("sub-chat-resolved-by-bot.json", "chatResolvedByBot", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    subscribe.run();
                    t.chats().resolveChat(chatId, new ResolveChatRequest().notifyClient(false));
                    return new Expected("/chat/_id", chatId);
                }),
                arguments("sub-chat-labels-updated.json", "chatLabelsUpdated", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    subscribe.run();
                    t.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().add(List.of("VIP")));
                    return new Expected("/addedLabels/0", "VIP");
                }),
                arguments("sub-specific-label-added.json", "chatSpecificLabelAdded",
                        Map.of("{{targetLabelId}}", "escalated"), (Flow) (s, t, subscribe) -> {
                            String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                            subscribe.run();
                            t.labels().manageChatLabels(chatId, new ManageChatLabelsRequest()
                                    .add(List.of("escalated")));
                            return new Expected("/chat/labels/0", "escalated");
                        }),
                arguments("sub-chat-subscribed.json", "chatSubscribed", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    t.templateSubscriptions().unsubscribeFromTemplates(new TemplateSubscriptionRequest().phone(NIV));
                    subscribe.run();
                    t.templateSubscriptions().resubscribeToTemplates(new TemplateSubscriptionRequest().phone(NIV));
                    return new Expected("/chat/_id", chatId);
                }),
                arguments("sub-chat-unsubscribed.json", "chatUnsubscribed", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    subscribe.run();
                    t.templateSubscriptions().unsubscribeFromTemplates(new TemplateSubscriptionRequest().phone(NIV));
                    return new Expected("/chat/_id", chatId);
                }),
                arguments("sub-external-bot-enabled.json", "externalBotEnabled", Map.of(), (Flow) (s, t, subscribe) -> {
                    String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                    subscribe.run();
                    t.chats().updateChatProperties(chatId, new UpdateChatPropertiesRequest().externalBot(true));
                    return new Expected("/chat/_id", chatId);
                }),
                arguments("sub-external-bot-disabled.json", "externalBotDisabled", Map.of(),
                        (Flow) (s, t, subscribe) -> {
                            String chatId = s.simulate().incomingMessage(NIV, "Hi").getParentChat();
                            t.chats().updateChatProperties(chatId, new UpdateChatPropertiesRequest().externalBot(true));
                            subscribe.run();
                            t.chats().updateChatProperties(chatId, new UpdateChatPropertiesRequest()
                                    .externalBot(false));
                            return new Expected("/chat/_id", chatId);
                        }),
                arguments("sub-channel-health-problem-created.json", "channelHealthProblemCreated", Map.of(),
                        (Flow) (s, t, subscribe) -> {
                            subscribe.run();
                            Problem problem = s.simulate().channelProblem("whatsapp_app_id_error", "error",
                                    "App ID not set");
                            return new Expected("/problem/_id", problem.getId());
                        }),
                arguments("sub-channel-health-problem-resolved.json", "channelHealthProblemResolved", Map.of(),
                        (Flow) (s, t, subscribe) -> {
                            Problem problem = s.simulate().channelProblem("whatsapp_app_id_error", "error",
                                    "App ID not set");
                            subscribe.run();
                            t.channels().resolveChannelHealthProblem(problem.getId());
                            return new Expected("/problem/_id", problem.getId());
                        }));
    }

    @Test
    void theCasesAreTheNineteenOfficialDocumentsAndTheNineteenEvents() throws IOException {
        TreeSet<String> files = RepoSpec.officialSubscriptionFileNames();
        TreeSet<String> events = RepoSpec.webhookEventNames();

        assertThat(files).hasSize(19);
        assertThat(events).hasSize(19);
        assertThat(documents().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(files);
        assertThat(documents().map(a -> (String) a.get()[1])).containsExactlyInAnyOrderElementsOf(events);
    }

    @ParameterizedTest(name = "{0} delivers {1}")
    @MethodSource("documents")
    void theImportedDocumentDeliversItsEventToTheReceiver(String file, String eventName,
            Map<String, String> placeholders, Flow flow, TexterSimulator simulator, Texter texter)
            throws InterruptedException {
        ImportSubscriptionRequest request = new ImportSubscriptionRequest()
                .data(document(file, "http://127.0.0.1:" + receiver.getAddress().getPort() + PATH, placeholders));
        Scenario[] imported = new Scenario[1];

        Expected expected = flow.run(simulator, texter, () -> imported[0] = texter.importSubscription(request));

        assertThat(imported[0]).as("%s was imported", file).isNotNull();
        // Deliveries are made before the simulated call returns; the bounded wait only keeps a broken build short.
        String body = RECEIVED.poll(5, TimeUnit.SECONDS);
        assertThat(body).as("%s: the receiver got no delivery; simulator state:%n%s", file, simulator.state())
                .isNotNull();
        assertThat(RECEIVED).as("%s: one delivery only", file).isEmpty();
        assertThat(simulator.deliveries()).as("%s: the recorded deliveries", file).singleElement().satisfies(d -> {
            assertThat(d.scenarioId()).isEqualTo(imported[0].getId());
            assertThat(d.status()).hasValue(204);
        });

        WebhookEvent parsed = TexterWebhooks.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.eventName()).as(file).isEqualTo(eventName);
        assertThat(parsed).as(file).isInstanceOfSatisfying(KnownWebhookEvent.class, known -> {
            assertThat(known.dataType().getName()).as("%s: the event table's data class", file)
                    .isEqualTo("com.texterchat.model." + tableSchema(eventName));
            assertThat(known.data()).as(file).isInstanceOf(known.dataType());
        });
        assertThat(parsed.eventDataJson().at(expected.pointer()).asText())
                .as("%s: %s of the delivered event data", file, expected.pointer()).isEqualTo(expected.value());
    }

    /** The schema the spec's webhook-event table gives as the event's data. */
    private static String tableSchema(String eventName) {
        for (JsonNode event : RepoSpec.root().path("x-texter-webhook-events")) {
            if (event.path("eventName").asText().equals(eventName)) {
                String ref = event.path("eventData").asText();
                return ref.substring(ref.lastIndexOf('/') + 1);
            }
        }
        throw new IllegalArgumentException("the event table has no " + eventName);
    }

    private static String sendText(Texter texter, String chatId) {
        return texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT).text("Hello"))
                .getMessages().get(0).getId();
    }

    /** An official document, with the user's placeholders filled as text, the way a user edits the file. */
    private static ScenarioDocument document(String file, String url, Map<String, String> placeholders) {
        try {
            String text = Files.readString(DOCUMENTS.resolve(file)).replace("{{yourWebhookURL}}", url);
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                text = text.replace(p.getKey(), p.getValue());
            }
            assertThat(text).as(file).doesNotContain("{{");
            return TexterJson.mapper().readValue(text, ScenarioDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
