package com.texterchat.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.Texter;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.Problem;
import com.texterchat.model.Scenario;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.SubscriptionImportStatus;
import com.texterchat.model.TemplateSubscriptionRequest;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.testkit.internal.scenario.SimEvent;
import com.texterchat.testkit.junit.TexterTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events simulated calls and API writes cause, with the providers Texter's scenario engine reads (the shapes the
 * 19 official subscription documents use), and which stored scenarios they run.
 */
@TexterTest(simulator = true)
class SimulatorEventsTest {

    private static final String NIV = "0521234567";
    private final List<SimEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void observe(TexterSimulator simulator) {
        simulator.addEventSink(events::add);
    }

    @Test
    void messagesIncomingAndSentEmitMessageCreated(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage(NIV, "Hi").getParentChat();
        String sentId = texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT)
                .text("Hello")).getMessages().get(0).getId();

        assertThat(events).extracting(SimEvent::trigger).containsExactly("domain.message.created",
                "domain.message.created");
        JsonNode incoming = events.get(0).providers().get("message");
        assertThat(incoming.path("parent_chat").asText()).isEqualTo(chatId);
        assertThat(incoming.path("message").path("direction").asText()).isEqualTo("incoming");
        assertThat(incoming.path("message").path("text").asText()).isEqualTo("Hi");
        JsonNode outgoing = events.get(1).providers().get("message").path("message");
        assertThat(outgoing.path("_id").asText()).isEqualTo(sentId);
        assertThat(outgoing.path("direction").asText()).isEqualTo("outgoing");
    }

    @Test
    void aDeliveryStatusEmitsAStatusRequestNamingTheProviderIdAndTheChat(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage(NIV, "Hi").getParentChat();
        var sent = texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT)
                .text("Hello")).getMessages().get(0);
        events.clear();

        simulator.simulate().messageStatus(sent.getId(), MessageStatus.SEEN);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo("app.message.statusRequest");
            JsonNode request = e.providers().get("messageStatusRequest");
            assertThat(request.path("ids").get(0).asText()).isEqualTo(sent.getChannelInfo().getId());
            assertThat(request.path("status").asInt()).isEqualTo(3);
            assertThat(request.path("timestamp").asLong()).isEqualTo(simulator.clock().millis());
            assertThat(request.path("chat").path("id").asText()).isEqualTo("972521234567");
            assertThat(request.path("chat").path("accountId").asText()).isEqualTo("972509876543");
            assertThat(request.path("chat").path("name").asText()).isEqualTo("whatsapp");
        });
        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages().get(1).getStatus())
                .isEqualTo(MessageStatus.SEEN);
    }

    @Test
    void chatChangesEmitTheirChatEvents(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage(NIV, "Hi").getParentChat();
        events.clear();

        texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().add(List.of("VIP")));
        texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().set(List.of("lead")));
        texter.chats().assignChat(new AssignChatRequest().chatId(chatId).departmentId("sales"));
        simulator.simulate().agentTakes(chatId, Agent.of("Tyler", "tyler@example.com"));
        texter.chats().updateChatProperties(chatId, new UpdateChatPropertiesRequest().externalBot(true));
        texter.chats().updateChatProperties(chatId, new UpdateChatPropertiesRequest().externalBot(true)); // no change
        simulator.simulate().agentResolves(chatId);
        texter.templateSubscriptions().unsubscribeFromTemplates(new TemplateSubscriptionRequest().phone(NIV));
        texter.templateSubscriptions().resubscribeToTemplates(new TemplateSubscriptionRequest().phone(NIV));

        assertThat(events).extracting(SimEvent::trigger).containsExactly("domain.chat.labels", "domain.chat.labels",
                "domain.chat.pending", "domain.chat.assigned", "domain.chat.updated.externalBot",
                "domain.chat.resolved", "domain.chat.unsubscribed", "domain.chat.subscribed");
        SimEvent set = events.get(1);
        assertThat(set.providers().get("oldLabels").path("labels")).hasToString("[\"VIP\"]");
        assertThat(set.providers().get("addedLabels").path("labels")).hasToString("[\"lead\"]");
        assertThat(set.providers().get("removedLabels").path("labels")).hasToString("[\"VIP\"]");
        assertThat(set.providers().get("chat").path("chat").path("labels")).hasToString("[\"lead\"]");
        SimEvent assigned = events.get(3);
        assertThat(assigned.providers().get("agent").path("email").asText()).isEqualTo("tyler@example.com");
        assertThat(assigned.providers().get("chat").path("chat").path("status").asInt()).isEqualTo(2);
        assertThat(assigned.providers().get("chat").path("chat").path("agent").path("uid").asText())
                .isEqualTo(Agent.of("Tyler", "tyler@example.com").id());
        SimEvent external = events.get(4);
        assertThat(external.providers().get("chat").path("externalBot").asBoolean()).isTrue();
        assertThat(events.get(5).providers().get("chat").path("chat").path("status").asInt()).isEqualTo(3);
    }

    @Test
    void channelProblemsEmitCreatedAndResolved(TexterSimulator simulator, Texter texter) {
        Problem problem = simulator.simulate().channelProblem("whatsapp_app_id_error", "error", "App ID not set");
        assertThat(texter.channels().listChannelHealthProblems(null, null, null, null).getProblems())
                .extracting(Problem::getId).containsExactly(problem.getId());
        Problem resolved = texter.channels().resolveChannelHealthProblem(problem.getId());
        assertThat(resolved.getResolvedAt()).isEqualTo(simulator.clock().millis());
        assertThat(texter.channels().listChannelHealthProblems(null, null, null, null).getTotal()).isZero();
        assertThat(texter.channels().listChannelHealthProblems(null, null, null, true).getTotal()).isEqualTo(1);

        assertThat(events).extracting(SimEvent::trigger).containsExactly("domain.channel.health.problem.created",
                "domain.channel.health.problem.resolved");
        assertThat(events.get(0).providers().get("problem").path("problem").path("_id").asText())
                .isEqualTo(problem.getId());
        assertThat(events.get(1).providers().get("problem").path("problem").has("resolvedAt")).isTrue();
    }

    @Test
    void eventsRunOnlyActiveSubscriptionsWhoseTriggerMatches(TexterSimulator simulator, Texter texter) {
        String url = "http://127.0.0.1:9/hook";  // nothing listens: a delivery fails, the simulated call does not
        Scenario active = texter.importSubscription(WebhookSubscriptions.newIncomingMessages(url));
        Scenario inactive = texter.importSubscription(WebhookSubscriptions.allMessages(url)
                .asStatus(SubscriptionImportStatus.INACTIVE));
        Scenario otherTrigger = texter.importSubscription(WebhookSubscriptions.chatResolved(url));

        simulator.simulate().incomingMessage(NIV, "Hi");

        assertThat(runs(texter, active)).isEqualTo(1);
        assertThat(runs(texter, inactive)).isZero();
        assertThat(runs(texter, otherTrigger)).isZero();

        texter.eventSubscriptions().activateSubscription(inactive.getId(), null);
        texter.eventSubscriptions().inactivateSubscription(active.getId(), null);
        simulator.simulate().incomingMessage(NIV, "Again");
        assertThat(runs(texter, active)).isEqualTo(1);
        assertThat(runs(texter, inactive)).isEqualTo(1);
    }

    private static int runs(Texter texter, Scenario scenario) {
        return texter.scenarios().listScenarioRuns(scenario.getId(), null, null, null).getTotal();
    }

    @Test
    void aPageReadBeforeAStatusChangeShowsTheNewStatusWhenReadAgain(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage("0521234567", "Hi").getParentChat();
        String sentId = texter.messages().sendMessage(chatId,
                new SessionMessage().type(OutgoingMessageType.TEXT).text("Hello")).getMessages().get(0).getId();
        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages())
                .filteredOn(m -> sentId.equals(m.getId())).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(MessageStatus.SENT));

        simulator.simulate().messageStatus(sentId, MessageStatus.SEEN);

        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages())
                .filteredOn(m -> sentId.equals(m.getId())).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(MessageStatus.SEEN));
    }
}
