package com.texterchat.dsl;

import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterException;
import com.texterchat.dsl.TexterWorkflowException.Step;
import com.texterchat.dsl.internal.Check;
import com.texterchat.dsl.message.MessageBuilder;
import com.texterchat.dsl.message.MessageRules;
import com.texterchat.dsl.message.Messages;
import com.texterchat.dsl.quickreply.QuickReplyBuilder;
import com.texterchat.dsl.quickreply.QuickReplyRules;
import com.texterchat.dsl.quickreply.QuickReplyUpdateBuilder;
import com.texterchat.dsl.scenario.DraftOperation;
import com.texterchat.dsl.scenario.ScenarioRules;
import com.texterchat.dsl.scenario.SubscriptionImport;
import com.texterchat.dsl.template.NewTemplate;
import com.texterchat.dsl.template.NewTemplateBuilder;
import com.texterchat.dsl.template.SendTemplateBuilder;
import com.texterchat.dsl.template.TemplateRules;
import com.texterchat.dsl.template.Templates;
import com.texterchat.dsl.template.UpdateTemplateBuilder;
import com.texterchat.generated.model.CopyScenarioRequest;
import com.texterchat.generated.model.CreateQuickReplyRequest;
import com.texterchat.generated.model.CreateRevisionRequest;
import com.texterchat.generated.model.ImportSubscriptionRequest;
import com.texterchat.generated.model.QuickReply;
import com.texterchat.generated.model.QuickReplyOperation;
import com.texterchat.generated.model.Scenario;
import com.texterchat.generated.model.ScenarioDraftOperation;
import com.texterchat.generated.model.SendMessageResponse;
import com.texterchat.generated.model.SendTemplateRequest;
import com.texterchat.generated.model.SendTemplateResponse;
import com.texterchat.generated.model.SessionMessage;
import com.texterchat.generated.model.Template;
import com.texterchat.generated.model.TemplateLocalizationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One object for the common Texter flows: send a message or a template, create and submit a template, manage
 * quick replies, import a webhook subscription, edit and publish a scenario draft. Everything else is one call
 * away on {@link #client()}.
 *
 * <pre>{@code
 * Texter texter = Texter.connect("demo", System.getenv("TEXTER_API_TOKEN"));
 * texter.sendMessage(chatId, Messages.buttons("Was this helpful?").button("Yes", "yes").button("No", "no"));
 * texter.sendTemplate("inbox_marketing_98", "972521234567", t -> t.body("John"));
 * texter.importSubscription(WebhookSubscriptions.newIncomingMessages("https://crm.example.com/hook"));
 * }</pre>
 *
 * <p>Every body is checked against the DSL's rules before its request is sent; a broken rule throws
 * {@link InvalidRequestException} and nothing is sent. Calls are never retried, so a request that may have been
 * processed is never sent twice. Instances are immutable and thread-safe.
 */
public final class Texter {

    private final TexterClient client;

    private Texter(TexterClient client) {
        this.client = client;
    }

    /** A façade over an existing client. */
    public static Texter of(TexterClient client) {
        return new Texter(client);
    }

    /** A façade over a new client for {@code https://<projectId>.texterchat.com} with the API token. */
    public static Texter connect(String projectId, String token) {
        return new Texter(TexterClient.builder().projectId(projectId).token(token).build());
    }

    /** The underlying client, for every operation this façade does not cover. */
    public TexterClient client() {
        return client;
    }

    // ---- session messages ----------------------------------------------------------------------------

    /**
     * Sends a session message to an existing chat (Send a Message to Chat). Works only within WhatsApp's
     * 24-hour window since the contact's last message; outside it, send a template.
     *
     * @param chatId the chat's {@code _id} (see Search Chats)
     * @param message a builder of {@link Messages}
     */
    public SendMessageResponse sendMessage(String chatId, MessageBuilder<?> message) {
        return sendMessage(chatId, message.build());
    }

    /** Sends a session message after checking it against {@link MessageRules}. */
    public SendMessageResponse sendMessage(String chatId, SessionMessage message) {
        Check.notBlank("chatId", chatId);
        MessageRules.validate(message);
        return client.messages().sendMessage(chatId, message);
    }

    /** Sends a text message of 1-4096 characters. */
    public SendMessageResponse sendText(String chatId, String text) {
        return sendMessage(chatId, Messages.text(text));
    }

    // ---- templates -----------------------------------------------------------------------------------

    /**
     * Sends an approved template (Send Template Message). Check {@code success} on the answer: Texter refuses
     * recipients who unsubscribed from templates with HTTP 200 and {@code success: false}.
     */
    public SendTemplateResponse sendTemplate(SendTemplateBuilder template) {
        return sendTemplate(template.build());
    }

    /** Sends a template to {@code to}, with values set by {@code values}. */
    public SendTemplateResponse sendTemplate(String templateName, String to, Consumer<SendTemplateBuilder> values) {
        SendTemplateBuilder builder = Templates.send(templateName, to);
        values.accept(builder);
        return sendTemplate(builder);
    }

    /** Sends a template body after checking it against {@link TemplateRules}. */
    public SendTemplateResponse sendTemplate(SendTemplateRequest request) {
        return client.templates().sendTemplateMessage(TemplateRules.validate(request));
    }

    /** See {@link #createAndSubmitTemplate(String, NewTemplate)}. */
    public TemplateSubmission createAndSubmitTemplate(String accountId, NewTemplateBuilder template) {
        return createAndSubmitTemplate(accountId, template.build());
    }

    /**
     * Creates a template and, for each language in turn, adds its localization and submits it for WhatsApp's
     * approval. When the template has no name, the one Texter assigns is used for the following calls.
     *
     * <p>Languages are handled one by one (localize, then submit) so that a failure leaves as little as
     * possible half-done. Nothing is retried or rolled back.
     *
     * @param accountId the WhatsApp business number that owns the template, e.g. {@code 972586640430}
     * @throws InvalidRequestException before any call, when the template breaks a rule or has no localization
     * @throws TexterWorkflowException when a call fails: it names the step, the template and the language, and
     *     lists what had completed
     */
    public TemplateSubmission createAndSubmitTemplate(String accountId, NewTemplate template) {
        return createTemplate(accountId, template, true);
    }

    /**
     * Creates a template and adds its localizations without submitting them, so they stay editable in Texter
     * (review the preview there, then submit). Fails like {@link #createAndSubmitTemplate(String, NewTemplate)}.
     */
    public TemplateSubmission createTemplateDraft(String accountId, NewTemplate template) {
        return createTemplate(accountId, template, false);
    }

    /** Updates a template's settings in Texter (Update Existing Template). */
    public Template updateTemplate(String accountId, String templateName, UpdateTemplateBuilder update) {
        Check.notBlank("accountId", accountId);
        Check.matches("templateName", templateName, TemplateRules.TEMPLATE_NAME, "letters, digits, '_' and '-'");
        return client.templates().updateTemplate(accountId, templateName, update.build());
    }

    private TemplateSubmission createTemplate(String accountId, NewTemplate template, boolean submit) {
        Check.notBlank("accountId", accountId);
        TemplateRules.validate(template.request());
        // A template left without a localization may be deleted by Texter's next sync: require one.
        Check.count("localizations", template.localizations(), 1, Integer.MAX_VALUE);
        for (TemplateLocalizationRequest localization : template.localizations()) {
            TemplateRules.validate(localization, "localizations[" + localization.getLanguage() + "]");
        }
        List<String> done = new ArrayList<>();
        String requested = template.request().getName();
        Template created = step(Step.CREATE_TEMPLATE, requested, null, done,
                () -> client.templates().createTemplate(accountId, template.request()));
        String name = created.getName() != null ? created.getName() : requested;
        if (name == null) {
            throw new TexterWorkflowException(Step.CREATE_TEMPLATE, null, null, done,
                    new IllegalStateException("the Create New Template answer carries no template name"));
        }
        done.add("created " + name);
        Template latest = created;
        List<String> localized = new ArrayList<>();
        List<String> submitted = new ArrayList<>();
        for (TemplateLocalizationRequest localization : template.localizations()) {
            String language = localization.getLanguage();
            latest = step(Step.LOCALIZE_TEMPLATE, name, language, done,
                    () -> client.templates().upsertTemplateLocalization(accountId, name, localization));
            localized.add(language);
            done.add("localized " + language);
            if (submit) {
                latest = step(Step.SUBMIT_TEMPLATE, name, language, done,
                        () -> client.templates().submitTemplateLocalization(accountId, name, language));
                submitted.add(language);
                done.add("submitted " + language);
            }
        }
        return new TemplateSubmission(name, latest, localized, submitted);
    }

    // ---- quick replies -------------------------------------------------------------------------------

    /** Creates a quick reply (Create Quick Reply). */
    public QuickReply createQuickReply(QuickReplyBuilder quickReply) {
        return createQuickReply(quickReply.build());
    }

    /** Creates a quick reply after checking the body against {@link QuickReplyRules}. */
    public QuickReply createQuickReply(CreateQuickReplyRequest request) {
        return client.quickReplies().createQuickReply(QuickReplyRules.validate(request));
    }

    /** Applies operations to a quick reply (Update Existing Quick Reply). */
    public QuickReply updateQuickReply(String quickReplyId, QuickReplyUpdateBuilder update) {
        return updateQuickReply(quickReplyId, update.build());
    }

    /** Applies operations to a quick reply after checking them (1-1000, exactly one key each). */
    public QuickReply updateQuickReply(String quickReplyId, List<QuickReplyOperation> operations) {
        Check.notBlank("quickReplyId", quickReplyId);
        return client.quickReplies().updateQuickReply(quickReplyId, QuickReplyRules.validate(operations));
    }

    // ---- webhook subscriptions and scenarios ---------------------------------------------------------

    /** Imports a webhook subscription, e.g. one of {@link com.texterchat.dsl.scenario.WebhookSubscriptions}. */
    public Scenario importSubscription(SubscriptionImport subscription) {
        return importSubscription(subscription.build());
    }

    /** Imports a subscription body after checking it against {@link ScenarioRules}. */
    public Scenario importSubscription(ImportSubscriptionRequest request) {
        return client.eventSubscriptions().importSubscription(ScenarioRules.validate(request));
    }

    /**
     * Copies revision {@code fromVersion} of a scenario into a new scenario named {@code newName} (Copy Scenario),
     * e.g. to try changes on a staging copy.
     */
    public Scenario copyScenario(String scenarioId, int fromVersion, String newName) {
        Check.notBlank("scenarioId", scenarioId);
        return client.scenarios().copyScenario(scenarioId,
                ScenarioRules.validate(new CopyScenarioRequest().fromVersion(fromVersion).newName(newName)));
    }

    /** Applies edit operations, in order, to a scenario's draft (Update Draft). */
    public Scenario editDraft(String scenarioId, List<? extends DraftOperation> operations) {
        Check.notBlank("scenarioId", scenarioId);
        return client.scenarios().updateScenarioDraft(scenarioId, DraftOperation.toModels(operations));
    }

    /** Publishes a scenario's draft as a new revision (Create Revision), with an optional comment. */
    public Scenario publishDraft(String scenarioId, @Nullable String revisionComment) {
        Check.notBlank("scenarioId", scenarioId);
        return client.scenarios().createScenarioRevision(scenarioId,
                new CreateRevisionRequest().revisionComment(revisionComment));
    }

    /**
     * Edits a scenario's draft and publishes it.
     *
     * @throws TexterWorkflowException when a call fails, naming the step ({@code UPDATE_DRAFT} or
     *     {@code PUBLISH_DRAFT}); an edited but unpublished draft stays as it is
     */
    public Scenario editAndPublishDraft(String scenarioId, List<? extends DraftOperation> operations,
            @Nullable String revisionComment) {
        Check.notBlank("scenarioId", scenarioId);
        List<ScenarioDraftOperation> models = DraftOperation.toModels(operations);
        List<String> done = new ArrayList<>();
        step(Step.UPDATE_DRAFT, scenarioId, null, done, () -> client.scenarios().updateScenarioDraft(scenarioId, models));
        done.add("updated draft of " + scenarioId);
        return step(Step.PUBLISH_DRAFT, scenarioId, null, done, () -> client.scenarios().createScenarioRevision(
                scenarioId, new CreateRevisionRequest().revisionComment(revisionComment)));
    }

    private static <T> T step(Step step, @Nullable String target, @Nullable String language, List<String> done,
            Supplier<T> call) {
        try {
            return call.get();
        } catch (TexterException e) {
            throw new TexterWorkflowException(step, target, language, done, e);
        }
    }

    @Override
    public String toString() {
        return "Texter[" + client + "]";
    }
}
