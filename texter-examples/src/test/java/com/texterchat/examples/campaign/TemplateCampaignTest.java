package com.texterchat.examples.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.ProviderTemplate;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateLocalization;
import com.texterchat.model.TemplateLocalizationStatus;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kotlin campaign driven from Java against the test kit: what Texter received, and the report. */
@TexterTest
class TemplateCampaignTest {

    private static final String ACCOUNT = "972509876543";
    private static final List<String> RECIPIENTS = List.of("972500000001", "+972 50-000-0002", "972500000003");

    private TemplateCampaign campaign;

    @BeforeEach
    void campaign(Texter texter) {
        campaign = new TemplateCampaign(texter, ACCOUNT);
    }

    private static Template template(TemplateLocalizationStatus status) {
        return new Template().id("6a1000000000000000000001").name(TemplateCampaign.TEMPLATE_NAME)
                .providerTemplate(new ProviderTemplate().name(TemplateCampaign.TEMPLATE_NAME)
                        .localizations(List.of(new TemplateLocalization().language("en").status(status))));
    }

    @Test
    void aNewTemplateIsCreatedSubmittedAndNotSentBeforeApproval(TexterMockServer server) {
        server.stubs().answer("submitTemplateLocalization", template(TemplateLocalizationStatus.REQUESTED));

        assertThat(campaign.run(RECIPIENTS)).isNull();

        ReceivedRequest created = server.verify().requests("createTemplate").get(0);
        assertThat(created.pathParameter("accountId")).isEqualTo(ACCOUNT);
        assertThat(created.body(CreateTemplateRequest.class).getName()).isEqualTo(TemplateCampaign.TEMPLATE_NAME);
        assertThat(server.verify().requests("submitTemplateLocalization")).singleElement()
                .satisfies(r -> assertThat(r.pathParameter("language")).isEqualTo("en"));
        assertThat(server.verify().count("sendTemplateMessage")).isZero();
    }

    @Test
    void anApprovedTemplateIsReusedAndSentToEveryRecipientWithTheirOrder(TexterMockServer server) {
        server.stubs().templates(template(TemplateLocalizationStatus.APPROVED));

        CampaignReport report = campaign.run(RECIPIENTS);

        assertThat(report).isNotNull();
        assertThat(report.getSent()).containsExactly("+972500000001", "+972500000002", "+972500000003");
        assertThat(server.verify().count("createTemplate")).isZero();
        for (String recipient : List.of("972500000001", "972500000002", "972500000003")) {
            SendTemplateRequest sent = server.verify().templateSentTo(recipient);
            OrderBook.Order order = OrderBook.latestOrder(recipient);
            assertThat(sent.getTemplateName()).isEqualTo(TemplateCampaign.TEMPLATE_NAME);
            assertThat(sent.getLanguage()).isEqualTo("en");
            assertThat(sent.getFrom()).isEqualTo(ACCOUNT);
            assertThat(sent.getBody()).containsExactly(order.getFirstName(), order.getNumber());
        }
    }

    @Test
    void unsubscribedRecipientsAreSkippedAndReported(TexterMockServer server) {
        server.stubs().recipientUnsubscribed("972500000002");

        CampaignReport report = campaign.send(RECIPIENTS);

        assertThat(report.getSent()).containsExactly("+972500000001", "+972500000003");
        assertThat(report.getUnsubscribed()).containsExactly("+972500000002");
        assertThat(report.summary()).isEqualTo("2 sent, 1 skipped because they unsubscribed (+972500000002), 0 failed");
        assertThat(campaign.unsubscribed(5)).containsExactly("+972500000002");
    }

    @Test
    void aSendWithoutAnAnswerIsReportedAndNotRepeated(TexterMockServer server) {
        server.fault("sendTemplateMessage").times(1).connectionReset();

        SendOutcome outcome = campaign.sendTo("972500000001");

        assertThat(outcome).isInstanceOf(SendOutcome.Uncertain.class);
        assertThat(outcome.getPhone()).isEqualTo("+972500000001");
        assertThat(server.verify().count("sendTemplateMessage")).isOne();
    }

    @Test
    void anErrorAnswerIsAFailure(TexterMockServer server) {
        server.fault("sendTemplateMessage").status(400, "{\"success\":false,\"error\":\"Template not found\"}");

        CampaignReport report = campaign.send(List.of("972500000001"));

        assertThat(report.getFailed()).containsExactly("+972500000001");
        assertThat(report.getSent()).isEmpty();
    }

    @Test
    void aNumberListedTwiceGetsTheTemplateOnce(TexterMockServer server) {
        CampaignReport report = campaign.send(List.of("972500000001", "+972500000001"));

        assertThat(report.getSent()).containsExactly("+972500000001");
        assertThat(server.verify().templatesSentTo("972500000001")).hasSize(1);
    }

    @Test
    void theTemplatePassesTheDslRules() {
        assertThat(TemplateCampaign.orderShipped().localizations()).singleElement()
                .satisfies(l -> assertThat(l.getLanguage()).isEqualTo("en"));
    }
}
