package com.texterchat.testkit.example;

import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.Texter;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.Message;
import com.texterchat.testkit.SpecViolation;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.simulator.TexterSimulator;
import com.texterchat.testkit.simulator.WebhookDelivery;
import com.texterchat.testkit.webhook.WebhookPayload;
import com.texterchat.testkit.webhook.WebhookPayloads;
import com.texterchat.testkit.webhook.WebhookSender;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Java snippets of texter-testkit/README.md that are not whole classes, verbatim between the markers;
 * {@link ReadmeSnippetsTest} runs them.
 */
final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /** "Failures": one fault of each kind. */
    static void faults(TexterMockServer server) {
        // readme:start testkit-faults
        server.fault("sendTemplateMessage").times(1).rateLimited(Duration.ofSeconds(1)); // 429 + Retry-After: 1, then OK
        server.fault("searchChats").status(503);                                         // every call
        server.fault("getChat").status(404, "{\"success\":false,\"error\":\"Chat not found\"}");
        server.fault("sendMessage").times(2).connectionReset();                          // fail twice, then succeed
        server.fault("listTemplates").latency(Duration.ofSeconds(3));                    // the usual answer, late
        server.fault("getChatMessages").malformedBody();                                 // 200 with broken JSON
        // readme:end
    }

    /** "Checked against openapi.json": a test that rehearses Texter's 400 on purpose; returns what the client saw. */
    static TexterHttpException rehearseABadRequest(TexterMockServer server, Texter texter) {
        // readme:start testkit-spec-violations
        server.allowSpecViolations("createLabel");      // this test sends a bad label on purpose
        TexterHttpException refused = assertThrows(TexterHttpException.class,
                () -> texter.labels().createLabel(new CreateLabelRequest().id("vip")));  // no name: 400
        List<SpecViolation> found = server.verify().specViolations();         // body /name: type string, got null
        // readme:end
        assertEquals(1, found.size());
        return refused;
    }

    /** "Webhooks": payloads, and one delivered to a receiver on {@code port}; returns the three payloads. */
    static List<WebhookPayload<?>> webhooks(int port) {
        // readme:start testkit-webhooks
        WebhookPayload<NewIncomingMessageEventData> hello = WebhookPayloads.newIncomingMessage()
                .phone("972521234567").text("Is my order ready?").build();
        WebhookPayload<MessageStatusChangedEventData> seen = WebhookPayloads.messageStatusChanged()
                .messageStatus(MessageStatus.SEEN).build();
        WebhookPayload<ChatLabelsUpdatedEventData> vip = WebhookPayloads.chatLabelsUpdated().labelsAdded("VIP").build();

        hello.json();        // exactly what Texter POSTs: {"eventName":"newIncomingMessage","eventData":{...}}
        hello.bytes();       // the same, UTF-8
        hello.eventData();   // NewIncomingMessageEventData; envelope() gives the WebhookEnvelope

        WebhookSender.to("http://127.0.0.1:" + port + "/texter/events")
                .header("x-webhook-token", "s3cret")     // a header your subscription adds
                .deliver(hello);                          // POST; fails unless your receiver answers 2xx
        // readme:end
        return List.of(hello, seen, vip);
    }

    /** What the simulator snippet saw, for its test. */
    record SimulatedFlow(WebhookDelivery delivery, List<Message> history) {
    }

    /** "Simulator": a customer writes, the imported subscription delivers, the answer is read back. */
    static SimulatedFlow simulatorFlow(TexterSimulator simulator, Texter texter, String receiverUrl) {
        // readme:start testkit-simulator
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(receiverUrl));   // as your application does
        Message hello = simulator.simulate().incomingMessage("0521234567", "Is my order ready?");
        WebhookDelivery delivery = simulator.deliveries().get(0);    // the subscription ran: what it POSTed, the status

        String chatId = hello.getParentChat();
        texter.sendText(chatId, "Yes, pick it up until 18:00.");
        List<Message> history = texter.messages().getChatMessages(chatId, null, null, null, null).getMessages();

        simulator.clock().advance(Duration.ofHours(25));             // WhatsApp's 24-hour window has closed
        assertThrows(TexterOperationFailedException.class, () -> texter.sendText(chatId, "Still there?"));
        // readme:end
        return new SimulatedFlow(delivery, history);
    }
}
