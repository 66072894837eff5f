package com.texterchat.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.client.error.TexterConflictException;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.model.ChannelName;
import com.texterchat.model.ChannelTarget;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.CreateQuickReplyRequest;
import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.Label;
import com.texterchat.model.Message;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.QuickReply;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.QuickReplySend;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SendTemplateResponse;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.ShareFileRequest;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateComponent;
import com.texterchat.model.TemplateComponentType;
import com.texterchat.model.TemplateLocalizationRequest;
import com.texterchat.model.TemplateLocalizationStatus;
import com.texterchat.model.TemplateSubscriptionRequest;
import com.texterchat.model.TemplateUsage;
import com.texterchat.model.UnsubscribedUser;
import com.texterchat.model.UpdateLabelRequest;
import com.texterchat.testkit.junit.TexterTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates, labels, quick replies, unsubscribed numbers and files on the simulator. */
@TexterTest(simulator = true)
class SimulatorProjectTest {

    private static final String ACCOUNT = "972509876543";

    static Template createLocalizeSubmit(Texter texter, String name) {
        texter.templates().createTemplate(ACCOUNT, new CreateTemplateRequest().name(name).title("Order ready")
                .category(TemplateCategory.UTILITY).chatStatus(ReplyChatStatus.PENDING).usage(TemplateUsage.INBOX));
        Template localized = texter.templates().upsertTemplateLocalization(ACCOUNT, name,
                new TemplateLocalizationRequest().language("en").components(List.of(new TemplateComponent()
                        .type(TemplateComponentType.BODY).text("Hi {{1}}, order {{2}} is ready"))));
        assertThat(localized.getLocalizationDrafts()).containsKey("en");
        return texter.templates().submitTemplateLocalization(ACCOUNT, name, "en");
    }

    @Test
    void aTemplateGoesFromPendingToApprovedAndCanThenBeSent(TexterSimulator simulator, Texter texter) {
        Template submitted = createLocalizeSubmit(texter, "order_ready");
        assertThat(submitted.getProviderTemplate().getLocalizations()).singleElement()
                .satisfies(l -> assertThat(l.getStatus()).isEqualTo(TemplateLocalizationStatus.PENDING));
        assertThat(texter.templates().listTemplates(null, null, null, null)).isEmpty();   // approved ones only
        assertThat(texter.templates().listTemplates(null, null, true, null)).hasSize(1);
        assertThatThrownBy(() -> sendOrderReady(texter)).isInstanceOf(TexterOperationFailedException.class)
                .hasMessageContaining("has no approved localization");

        simulator.simulate().templateApproved("order_ready", "en");
        assertThat(texter.templates().listTemplates(ACCOUNT, null, null, null)).singleElement()
                .satisfies(t -> assertThat(t.getProviderTemplate().getLocalizations().get(0).getStatus())
                        .isEqualTo(TemplateLocalizationStatus.APPROVED));

        SendTemplateResponse sent = sendOrderReady(texter);
        assertThat(sent.getSuccess()).isTrue();
        assertThat(sent.getText()).isEqualTo("Hi Niv, order 15033 is ready");
        String chatId = simulator.chatIdOf("0521234567").orElseThrow();
        Message stored = texter.messages().getChatMessages(chatId, null, null, null, null).getMessages().get(0);
        assertThat(stored.getId()).isEqualTo(sent.getMessageId());
        assertThat(stored.getText()).isEqualTo("Hi Niv, order 15033 is ready");
    }

    @Test
    void aRejectedTemplateStaysUnsendable(TexterSimulator simulator, Texter texter) {
        createLocalizeSubmit(texter, "order_ready");
        simulator.simulate().templateRejected("order_ready", "en", "INVALID_FORMAT");
        Template rejected = texter.templates().listTemplates(null, null, true, null).get(0);
        assertThat(rejected.getProviderTemplate().getLocalizations().get(0).getStatus())
                .isEqualTo(TemplateLocalizationStatus.REJECTED);
        assertThat(rejected.getProviderTemplate().getLocalizations().get(0).getRejectionReason())
                .isEqualTo("INVALID_FORMAT");
        assertThatThrownBy(() -> sendOrderReady(texter)).isInstanceOf(TexterOperationFailedException.class);
        assertThatThrownBy(() -> simulator.simulate().templateApproved("no_such", "en"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void templatesAreApprovedByThemselvesAfterTheReviewDelayOnTheClock() {
        try (TexterSimulator simulator = TexterSimulator.builder().autoApproveTemplatesAfter(Duration.ofMinutes(2))
                .start()) {
            Texter texter = simulator.texter();
            createLocalizeSubmit(texter, "order_ready");
            simulator.clock().advance(Duration.ofMinutes(1));
            assertThat(texter.templates().listTemplates(null, null, null, null)).isEmpty();
            simulator.clock().advance(Duration.ofMinutes(1));
            assertThat(texter.templates().listTemplates(null, null, null, null)).hasSize(1);
            simulator.server().verify().noSpecViolations();
        }
    }

    @Test
    void aTemplateToAnUnsubscribedNumberIsRefusedWithSuccessFalse(TexterSimulator simulator, Texter texter) {
        createLocalizeSubmit(texter, "order_ready");
        simulator.simulate().templateApproved("order_ready", "en");
        texter.templateSubscriptions().unsubscribeFromTemplates(new TemplateSubscriptionRequest().phone("0521234567"));

        assertThat(texter.templateSubscriptions().listUnsubscribedUsers(null, null)).extracting(UnsubscribedUser::getPhone)
                .containsExactly("+972521234567");
        assertThat(texter.templateSubscriptions().listUnsubscribedUsersByAccount(ACCOUNT, null, null)).hasSize(1);
        assertThatThrownBy(() -> sendOrderReady(texter)).isInstanceOf(TexterOperationFailedException.class)
                .hasMessageContaining("Recipient unsubscribed from template messages on 2025-06-01T09:00:00.000Z");
        assertThat(simulator.server().verify().requests("sendTemplateMessage")).last()
                .satisfies(r -> assertThat(r.responseStatus()).isEqualTo(200));
        assertThat(simulator.chatIdOf("0521234567")).isEmpty();

        texter.templateSubscriptions().resubscribeToTemplates(new TemplateSubscriptionRequest().phone("+972521234567"));
        assertThat(texter.templateSubscriptions().listUnsubscribedUsers(null, null)).isEmpty();
        assertThat(sendOrderReady(texter).getSuccess()).isTrue();
    }

    @Test
    void templatesUpdateAndDelete(Texter texter) {
        createLocalizeSubmit(texter, "order_ready");
        Template updated = texter.templates().updateTemplate(ACCOUNT, "order_ready",
                new com.texterchat.model.UpdateTemplateRequest().title("Ready!"));
        assertThat(updated.getTitle()).isEqualTo("Ready!");
        assertThat(texter.templates().deleteTemplate(ACCOUNT, "order_ready")).isEqualTo("OK");
        assertThat(texter.templates().listTemplates(null, null, true, null)).isEmpty();
        assertThatThrownBy(() -> texter.templates().deleteTemplate(ACCOUNT, "order_ready"))
                .isInstanceOf(TexterNotFoundException.class);
        Template generated = texter.templates().createTemplate(ACCOUNT, new CreateTemplateRequest().title("t")
                .category(TemplateCategory.MARKETING).chatStatus(ReplyChatStatus.BOT).usage(TemplateUsage.BULK));
        assertThat(generated.getName()).isEqualTo("bulk_marketing_1");
    }

    @Test
    void labelsCreateReadUpdateDelete(Texter texter) {
        Label vip = texter.labels().createLabel(new CreateLabelRequest().id("VIP").name("VIP").color("#dce775"));
        assertThat(vip.getName()).isEqualTo("VIP");
        assertThatThrownBy(() -> texter.labels().createLabel(new CreateLabelRequest().id("VIP").name("again")))
                .isInstanceOf(TexterConflictException.class);
        texter.labels().updateLabel("VIP", new UpdateLabelRequest().name("Very important"));
        assertThat(texter.labels().getLabel("VIP").getName()).isEqualTo("Very important");
        assertThat(texter.labels().listLabels(null, null).getTotal()).isEqualTo(1);
        texter.labels().deleteLabel("VIP");
        assertThat(texter.labels().listLabels(null, null).getLabels()).isEmpty();
        assertThatThrownBy(() -> texter.labels().getLabel("VIP")).isInstanceOf(TexterNotFoundException.class);
    }

    @Test
    void quickRepliesCreateListUpdateDelete(TexterSimulator simulator, Texter texter) {
        QuickReply created = texter.quickReplies().createQuickReply(new CreateQuickReplyRequest().send(
                new QuickReplySend().contents(List.of(new SessionMessage().type(OutgoingMessageType.TEXT).text("Hi!")))
                        .target(List.of(new ChannelTarget().name(ChannelName.WHATSAPP).accountId(ACCOUNT)))));
        simulator.clock().advance(Duration.ofSeconds(1));
        QuickReply second = texter.quickReplies().createQuickReply(new CreateQuickReplyRequest().send(
                new QuickReplySend().contents(List.of(new SessionMessage().type(OutgoingMessageType.TEXT).text("Bye")))
                        .target(List.of(new ChannelTarget().name(ChannelName.WHATSAPP)))));
        assertThat(texter.quickReplies().listQuickReplies(null, null, null, null, null, null, null, null, null, null)
                .getQuickReplies()).extracting(QuickReply::getId).containsExactly(second.getId(), created.getId());

        QuickReply updated = texter.quickReplies().updateQuickReply(created.getId(),
                List.of(new QuickReplyOperation().updateDisplayTitle("Greeting")));
        assertThat(updated.getDisplay().getTitle()).isEqualTo("Greeting");
        assertThat(updated.getMetadata().getUpdated()).isEqualTo(simulator.clock().millis());
        texter.quickReplies().deleteQuickReply(created.getId());
        assertThat(texter.quickReplies().listQuickReplies(null, null, null, null, null, null, null, null, null, null)
                .getTotal()).isEqualTo(1);
        assertThatThrownBy(() -> texter.quickReplies().deleteQuickReply(created.getId()))
                .isInstanceOf(TexterNotFoundException.class);
    }

    @Test
    void mediaFromContactsCanBeSharedAndUnknownFilesCannot(TexterSimulator simulator, Texter texter) {
        Message media = simulator.simulate().incomingMedia("0521234567", "document", "receipt.pdf",
                "application/pdf", null);
        String fileId = media.getMedia().get(0).getFileId();
        assertThat(texter.files().generatePublicMediaUrl(fileId, new ShareFileRequest().ttl(60)).getUrl())
                .startsWith(simulator.baseUrl() + "/server/files/shared/" + fileId + "/");
        assertThatThrownBy(() -> texter.files().generatePublicMediaUrl("nofile", null))
                .isInstanceOf(TexterNotFoundException.class);
    }

    private static SendTemplateResponse sendOrderReady(Texter texter) {
        return texter.templates().sendTemplateMessage(new SendTemplateRequest().templateName("order_ready")
                .to("0521234567").body(List.of("Niv", "15033")));
    }
}
