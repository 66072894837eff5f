package com.texterchat.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.model.ActivateSubscriptionRequest;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.ChannelName;
import com.texterchat.model.ChannelTarget;
import com.texterchat.model.CopyScenarioRequest;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.CreateQuickReplyRequest;
import com.texterchat.model.CreateRevisionRequest;
import com.texterchat.model.CreateScenarioRequest;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.QuickReply;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.QuickReplySend;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioDraftOperation;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.TemplateSubscriptionRequest;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdateCrmDataRequest;
import com.texterchat.model.UpdateLabelRequest;
import com.texterchat.model.UpdateTemplateRequest;
import com.texterchat.testkit.junit.TexterTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reset puts the seeded project back exactly: the state dump after every kind of write and a reset equals the dump
 * before. Also the seed file itself, read through {@code @TexterTest(seed = ...)}.
 */
@TexterTest(simulator = true, seed = "simulator/shop-seed.json")
class SimulatorResetTest {

    private static final String ACCOUNT = "972509876543";

    @Test
    void theSeedFileIsWhatTheProjectHolds(TexterSimulator simulator, Texter texter) {
        assertThat(simulator.clock().now()).isEqualTo(Instant.parse("2025-09-01T10:00:00Z"));
        String chatId = simulator.chatIdOf("+972521234567").orElseThrow();
        var chat = texter.chats().searchChats("Niv", null, null, Set.of("VIP"), null, null, null, null).getData();
        assertThat(chat).singleElement().satisfies(c -> assertThat(c.getId()).isEqualTo(chatId));
        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages())
                .extracting(m -> m.getText()).containsExactly("Is my order ready?", "Checking!");
        assertThat(texter.templates().listTemplates(null, null, null, null)).singleElement()
                .satisfies(t -> assertThat(t.getName()).isEqualTo("order_ready"));
        assertThat(texter.templateSubscriptions().listUnsubscribedUsers(null, null)).hasSize(1);
        assertThat(texter.channels().listChannelHealthProblems(null, null, null, null).getTotal()).isEqualTo(1);
        assertThat(texter.labels().getLabel("VIP").getColor()).isEqualTo("#dce775");
        // the session window is open: the customer wrote ten minutes ago
        texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT).text("Yes!"));
    }

    @Test
    void resetUndoesEveryKindOfWrite(TexterSimulator simulator, Texter texter) {
        String before = simulator.state();
        String chatId = simulator.chatIdOf("0521234567").orElseThrow();
        String problemId = texter.channels().listChannelHealthProblems(null, null, null, null).getProblems().get(0)
                .getId();

        // simulated events
        var incoming = simulator.simulate().incomingMessage("0527654321", "new customer");
        simulator.simulate().incomingMedia("0521234567", "image", "a.jpg", "image/jpeg", "look");
        simulator.simulate().postback("0521234567", "yes", "Yes");
        simulator.simulate().messageStatus(incoming.getId(), MessageStatus.SEEN);
        simulator.simulate().agentTakes(chatId, Agent.of("Tyler", "tyler@example.com"));
        simulator.simulate().channelProblem("x", "warning", "y");
        simulator.simulate().externalBotSet(chatId, true);
        simulator.clock().advance(Duration.ofMinutes(3));

        // every write of the API
        texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT).text("hi"));
        texter.templates().sendTemplateMessage(new SendTemplateRequest().templateName("order_ready").to("0521111111")
                .body(List.of("A", "1")));
        texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().set(List.of("lead")));
        texter.chats().assignChat(new AssignChatRequest().chatId(chatId).agentEmail("dana@example.com"));
        texter.chats().updateChatProperties(chatId, new UpdateChatPropertiesRequest().displayName("N")
                .crmData(Map.of("a", 1)));
        texter.chats().updateCrmData(chatId, new UpdateCrmDataRequest().data(Map.of("b", 2)));
        texter.chats().resolveChat(chatId, new ResolveChatRequest().notifyClient(true));
        texter.channels().resolveChannelHealthProblem(problemId);
        texter.labels().createLabel(new CreateLabelRequest().id("lead").name("Lead"));
        texter.labels().updateLabel("VIP", new UpdateLabelRequest().color("#000000"));
        texter.labels().deleteLabel("lead");
        texter.labels().createLabel(new CreateLabelRequest().id("extra").name("Extra"));
        SimulatorProjectTest.createLocalizeSubmit(texter, "welcome");
        SimulatorProjectTest.createLocalizeSubmit(texter, "goodbye");
        texter.templates().updateTemplate(ACCOUNT, "order_ready", new UpdateTemplateRequest().title("changed"));
        texter.templates().deleteTemplate(ACCOUNT, "welcome");
        texter.templateSubscriptions().unsubscribeFromTemplates(new TemplateSubscriptionRequest().phone("0521234567"));
        texter.templateSubscriptions().resubscribeToTemplates(new TemplateSubscriptionRequest().phone("0549431678"));
        QuickReply reply = texter.quickReplies().createQuickReply(new CreateQuickReplyRequest().send(new QuickReplySend()
                .contents(List.of(new SessionMessage().type(OutgoingMessageType.TEXT).text("x")))
                .target(List.of(new ChannelTarget().name(ChannelName.WHATSAPP)))));
        texter.quickReplies().updateQuickReply(reply.getId(), List.of(new QuickReplyOperation().updateDisplayNote("n")));
        texter.quickReplies().deleteQuickReply(texter.quickReplies().createQuickReply(new CreateQuickReplyRequest()
                .send(reply.getSend())).getId());
        Scenario imported = texter.importSubscription(WebhookSubscriptions.chatResolved("http://127.0.0.1:9/hook"));
        texter.scenarios().createScenarioDraft(imported.getId(), null);
        texter.scenarios().updateScenarioDraft(imported.getId(), List.of(new ScenarioDraftOperation().rename("r")));
        texter.scenarios().createScenarioRevision(imported.getId(), new CreateRevisionRequest().revisionComment("v2"));
        texter.eventSubscriptions().activateSubscription(imported.getId(), new ActivateSubscriptionRequest().version(1));
        texter.scenarios().deleteScenarioRevision(imported.getId(), 2, null);
        texter.scenarios().createScenarioDraft(imported.getId(), null);
        texter.scenarios().deleteScenarioDraft(imported.getId());
        texter.eventSubscriptions().inactivateSubscription(imported.getId(), null);
        Scenario copy = texter.scenarios().copyScenario(imported.getId(), new CopyScenarioRequest().fromVersion(1)
                .newName("copy"));
        texter.eventSubscriptions().deleteSubscription(copy.getId());
        texter.scenarios().createEmptyScenario(new CreateScenarioRequest().name("empty")
                .triggerEvent("domain.chat.labels"));
        texter.files().generatePublicMediaUrl(texter.messages().getChatMessages(chatId, null, null, null, null)
                .getMessages().stream().filter(m -> m.getMedia() != null).findFirst().orElseThrow().getMedia().get(0)
                .getFileId(), null);
        assertThat(simulator.state()).isNotEqualTo(before);

        simulator.reset();

        assertThat(simulator.state()).isEqualTo(before);
        assertThat(simulator.deliveries()).isEmpty();
        assertThat(simulator.verify().all()).isEmpty();
        assertThat(texter.scenarios().listScenarioRuns(null, null, null, null).getTotal()).isZero();
    }
}
