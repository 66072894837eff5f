package com.texterchat.examples.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateLocalizationStatus;
import com.texterchat.model.TemplateSubscriptionRequest;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kotlin campaign end to end on the simulator, with no stub: the template is created and submitted (PENDING),
 * nothing is sent until WhatsApp approves it, then every subscribed recipient gets it; the templates and the
 * recipients' chats are read back through the API.
 */
@TexterTest(simulator = true)
class TemplateCampaignFlowTest {

    private static final String ACCOUNT = "972509876543";
    private static final String UNSUBSCRIBED = "972500000003";
    private static final List<String> RECIPIENTS = List.of("972500000001", "+972 50-000-0002", UNSUBSCRIBED);

    private TemplateCampaign campaign;

    @BeforeEach
    void aRecipientOptedOut(Texter texter) {
        campaign = new TemplateCampaign(texter, ACCOUNT);
        texter.templateSubscriptions().unsubscribeFromTemplates(new TemplateSubscriptionRequest().phone(UNSUBSCRIBED));
    }

    @Test
    void theTemplateIsSentOnlyOnceWhatsAppApprovedIt(TexterSimulator simulator, Texter texter) {
        assertThat(campaign.run(RECIPIENTS)).as("submitted, not approved yet").isNull();
        assertThat(status(campaign.findTemplate())).isEqualTo(TemplateLocalizationStatus.PENDING);
        assertThat(texter.templates().listTemplates(ACCOUNT, null, null, null))
                .as("Texter lists approved templates only, unless includeAll").isEmpty();

        assertThat(campaign.run(RECIPIENTS)).as("a second run while WhatsApp reviews").isNull();
        assertThat(simulator.verify().count("createTemplate")).as("the pending template is reused").isOne();

        simulator.simulate().templateApproved(TemplateCampaign.TEMPLATE_NAME, TemplateCampaign.LANGUAGE);
        CampaignReport report = campaign.run(RECIPIENTS);

        assertThat(report).isNotNull();
        assertThat(report.getSent()).containsExactly("+972500000001", "+972500000002");
        assertThat(report.getUnsubscribed()).containsExactly("+" + UNSUBSCRIBED);
        assertThat(report.getFailed()).isEmpty();
        assertThat(texter.templates().listTemplates(ACCOUNT, null, null, null)).singleElement()
                .satisfies(t -> assertThat(status(t)).isEqualTo(TemplateLocalizationStatus.APPROVED));
        for (String recipient : List.of("972500000001", "972500000002")) {
            String chatId = simulator.chatIdOf(recipient).orElseThrow();
            List<Message> messages = texter.messages().getChatMessages(chatId, null, null, null, null).getMessages();
            OrderBook.Order order = OrderBook.latestOrder(recipient);
            assertThat(messages).as("+%s", recipient).singleElement().satisfies(m -> {
                assertThat(m.getDirection()).isEqualTo(MessageDirection.OUTGOING);
                assertThat(m.getText()).isEqualTo("Hi " + order.getFirstName() + ", your order " + order.getNumber()
                        + " has shipped and arrives within 2 days.");
            });
        }
        assertThat(simulator.chatIdOf(UNSUBSCRIBED)).as("nothing reached the one who opted out").isEmpty();
    }

    @Test
    void withoutWhatsAppsDecisionTheTemplateStaysPendingAndUnsent(TexterSimulator simulator) {
        // Without autoApproveTemplatesAfter a review never ends by itself: the clock alone changes nothing.
        campaign.run(RECIPIENTS);
        simulator.clock().advance(Duration.ofDays(2));

        assertThat(status(campaign.findTemplate())).isEqualTo(TemplateLocalizationStatus.PENDING);
        assertThat(simulator.verify().count("sendTemplateMessage")).isZero();
    }

    @Test
    void aRejectedTemplateIsNeverSent(TexterSimulator simulator) {
        campaign.run(RECIPIENTS);
        simulator.simulate().templateRejected(TemplateCampaign.TEMPLATE_NAME, TemplateCampaign.LANGUAGE,
                "INVALID_FORMAT");

        assertThat(campaign.run(RECIPIENTS)).isNull();
        assertThat(status(campaign.findTemplate())).isEqualTo(TemplateLocalizationStatus.REJECTED);
        assertThat(simulator.verify().count("sendTemplateMessage")).isZero();
    }

    private static TemplateLocalizationStatus status(Template template) {
        assertThat(template).as("the campaign's template").isNotNull();
        return TemplateCampaign.statusOf(template);
    }
}
