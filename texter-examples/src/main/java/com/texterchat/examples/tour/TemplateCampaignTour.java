package com.texterchat.examples.tour;

import com.texterchat.examples.TexterTour;
import com.texterchat.examples.campaign.CampaignReport;
import com.texterchat.examples.campaign.SendOutcome;
import com.texterchat.examples.campaign.TemplateCampaign;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.dsl.template.NewTemplate;
import com.texterchat.model.ProviderTemplate;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateLocalization;
import com.texterchat.model.TemplateLocalizationStatus;
import com.texterchat.model.TemplateUsage;
import com.texterchat.testkit.TexterMockServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The tour's stop at the Kotlin {@link TemplateCampaign}: the steps of {@link TemplateCampaign#run} one by one
 * (define, look for the template, create and submit it, who opted out, send to each recipient), each printed with
 * its result, writes held back in a read-only run.
 *
 * <p>Run it alone with {@code --only campaign}, or through {@link #main}.
 */
public final class TemplateCampaignTour implements Example {

    private static final String NAME = TemplateCampaign.TEMPLATE_NAME;
    private static final String LANGUAGE = TemplateCampaign.LANGUAGE;

    @Override
    public Info info() {
        return new Info("campaign", "Template campaign", "Kotlin",
                "define a template, create -> localize -> submit, send it to a list, report who unsubscribed");
    }

    @Override
    public void run(TourContext context) {
        Steps steps = context.steps();
        String accountId = context.targets().accountId();
        if (accountId == null) {
            steps.skip("Run the campaign", "no WhatsApp business number known: set TEXTER_TOUR_ACCOUNT_ID");
            return;
        }
        TemplateCampaign campaign = new TemplateCampaign(context.texter(), accountId);

        steps.step("Define the template " + NAME + " with the Kotlin DSL (checked before sending)",
                TemplateCampaign::orderShipped, TemplateCampaignTour::describe);

        Template existing = steps.step("Look for " + NAME + " on " + accountId + " (List All Templates)",
                campaign::findTemplate, found -> found == null ? "not there yet"
                        : "found, " + LANGUAGE + " is " + TemplateCampaign.statusOf(found) + ": reusing it");

        TemplateLocalizationStatus status = existing != null ? TemplateCampaign.statusOf(existing)
                : steps.write("Create, localize (" + LANGUAGE + ") and submit it (Texter.createAndSubmitTemplate)",
                        campaign::submitTemplate,
                        submitted -> "created " + submitted.templateName() + ", submitted "
                                + submitted.submittedLanguages() + ", " + LANGUAGE + " is "
                                + TemplateCampaign.statusOf(submitted.template()))
                        .map(submitted -> TemplateCampaign.statusOf(submitted.template())).orElse(null);

        steps.step("Who opted out of templates on " + accountId + " (List Unsubscribed Users, client paging)",
                () -> campaign.unsubscribed(5),
                phones -> phones.isEmpty() ? "nobody" : String.join(", ", phones) + (phones.size() == 5 ? ", ..." : ""));

        List<String> recipients = context.targets().recipients();
        String title = "Send " + NAME + " to " + recipients.size() + " recipients (Send Template Message)";
        if (recipients.isEmpty()) {
            steps.skip(title, "no recipients: set TEXTER_TOUR_RECIPIENTS (or TEXTER_TOUR_PHONE)");
        } else if (status != TemplateLocalizationStatus.APPROVED) {
            steps.skip(title, "WhatsApp has not approved " + LANGUAGE + " yet (status "
                    + (status == null ? "unknown" : status) + "); run the tour again once it has");
        } else {
            steps.write(title, () -> send(campaign, recipients, steps.progress(recipients.size())),
                    CampaignReport::summary);
        }
    }

    /** What {@link TemplateCampaign#send} does, with a progress line per recipient. */
    private static CampaignReport send(TemplateCampaign campaign, List<String> recipients, Steps.Progress progress) {
        CampaignReport report = new CampaignReport();
        for (String recipient : recipients) {
            progress.begin("+" + CustomerChats.digits(recipient));
            SendOutcome outcome = campaign.sendTo(recipient);
            report.add(outcome);
            progress.end(describe(outcome));
        }
        return report;
    }

    private static String describe(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return "sent (message " + sent.getMessageId() + ")";
        }
        if (outcome instanceof SendOutcome.Unsubscribed unsubscribed) {
            return "skipped: " + unsubscribed.getError();
        }
        if (outcome instanceof SendOutcome.Refused refused) {
            return "skipped: " + refused.getError();
        }
        if (outcome instanceof SendOutcome.Uncertain uncertain) {
            return "unknown, not retried: " + uncertain.getMessage();
        }
        return "failed: " + ((SendOutcome.Failed) outcome).getMessage();
    }

    private static String describe(NewTemplate template) {
        return template.request().getCategory() + ", " + template.localizations().size() + " language(s): "
                + template.localizations().stream().map(l -> l.getLanguage()).collect(Collectors.joining(", "));
    }

    /**
     * The embedded Texter: one recipient unsubscribed, a rate limit on the first send, and templates approved as soon
     * as they are submitted (WhatsApp takes minutes to hours).
     */
    @Override
    public String prepareEmbedded(EmbeddedTexter texter) {
        TexterMockServer server = texter.server();
        String unsubscribed = EmbeddedTexter.RECIPIENTS.get(2);
        server.stubs().recipientUnsubscribed(unsubscribed);
        server.fault("sendTemplateMessage").times(1).rateLimited(Duration.ofSeconds(1));
        server.stubs().answer("createTemplate", embeddedTemplate(null));
        server.stubs().answer("upsertTemplateLocalization", embeddedTemplate(TemplateLocalizationStatus.NEW));
        server.stubs().answer("submitTemplateLocalization", embeddedTemplate(TemplateLocalizationStatus.APPROVED));
        return "+" + unsubscribed + " unsubscribed from templates; the first Send Template Message answers 429 with"
                + " Retry-After: 1 s; submitted templates are approved at once";
    }

    private static Template embeddedTemplate(@Nullable TemplateLocalizationStatus status) {
        return new Template().id("6a1000000000000000000001").name(NAME).title("Order shipped")
                .usage(TemplateUsage.INBOX)
                .providerTemplate(new ProviderTemplate().name(NAME).category(TemplateCategory.UTILITY).localizations(
                        status == null ? List.of() : List.of(new TemplateLocalization().language(LANGUAGE)
                                .status(status))));
    }

    /**
     * Runs this example alone, like {@code TexterTour --only campaign}.
     *
     * @param args further tour arguments, e.g. {@code --allow-sends}
     */
    public static void main(String[] args) {
        TexterTour.main(TexterTour.only("campaign", args));
    }
}
