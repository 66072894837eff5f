package com.texterchat.examples.tour;

import com.texterchat.examples.TexterTour;
import com.texterchat.examples.campaign.CampaignReport;
import com.texterchat.examples.campaign.SendOutcome;
import com.texterchat.examples.campaign.TemplateCampaign;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.dsl.template.NewTemplate;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateLocalizationStatus;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

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
                        submitted -> "created " + submitted.templateName() + " (" + submitted.template().getId()
                                + "), submitted " + submitted.submittedLanguages() + ", " + LANGUAGE + " is "
                                + TemplateCampaign.statusOf(submitted.template()))
                        .map(submitted -> TemplateCampaign.statusOf(submitted.template())).orElse(null);

        String review = context.events().templateReview();
        if (review != null
                && (status == TemplateLocalizationStatus.PENDING || status == TemplateLocalizationStatus.REQUESTED)) {
            // Only the simulator can be made to finish WhatsApp's review; a real project's template is sent next run.
            TemplateLocalizationStatus before = status;
            Template reviewed = steps.step("WhatsApp reviews " + NAME + " (" + review + "); read it again (List All"
                            + " Templates)",
                    () -> {
                        context.events().completeTemplateReviews();
                        return campaign.findTemplate();
                    }, found -> found == null ? "not there" : LANGUAGE + " went from " + before + " to "
                            + TemplateCampaign.statusOf(found) + " (it is now " + context.clock().instant() + ")");
            status = reviewed == null ? null : TemplateCampaign.statusOf(reviewed);
        }

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
     * The simulator: a rate limit on the first send. (The demo project has a recipient who unsubscribed, and WhatsApp's
     * review takes {@link EmbeddedTexter#TEMPLATE_REVIEW} on the simulator's clock.)
     */
    @Override
    public String prepareEmbedded(EmbeddedTexter texter) {
        texter.simulator().fault("sendTemplateMessage").times(1).rateLimited(Duration.ofSeconds(1));
        return "+" + EmbeddedTexter.UNSUBSCRIBED + " unsubscribed from templates; the first Send Template Message"
                + " answers 429 with Retry-After: 1 s; WhatsApp reviews a template in "
                + EmbeddedTexter.TEMPLATE_REVIEW.toMinutes() + " minutes of the simulator's clock";
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
