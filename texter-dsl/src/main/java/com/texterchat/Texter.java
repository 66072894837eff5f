package com.texterchat;

import com.texterchat.api.ChannelsApi;
import com.texterchat.api.ChatsApi;
import com.texterchat.api.EventSubscriptionsApi;
import com.texterchat.api.FilesApi;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.ScenariosApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.api.TemplatesApi;
import com.texterchat.client.CallOptions;
import com.texterchat.client.TexterAsyncClient;
import com.texterchat.client.TexterClient;
import com.texterchat.client.TexterResponse;
import com.texterchat.client.error.TexterException;
import com.texterchat.client.paging.TexterPaging;
import com.texterchat.dsl.InvalidRequestException;
import com.texterchat.dsl.TemplateSubmission;
import com.texterchat.dsl.TexterWorkflowException;
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
import com.texterchat.dsl.template.LocalizationBuilder;
import com.texterchat.dsl.template.NewTemplate;
import com.texterchat.dsl.template.NewTemplateBuilder;
import com.texterchat.dsl.template.SendTemplateBuilder;
import com.texterchat.dsl.template.TemplateRules;
import com.texterchat.dsl.template.Templates;
import com.texterchat.dsl.template.UpdateTemplateBuilder;
import com.texterchat.model.CopyScenarioRequest;
import com.texterchat.model.CreateQuickReplyRequest;
import com.texterchat.model.CreateRevisionRequest;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.QuickReply;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioDraftOperation;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SendTemplateResponse;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateLocalizationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one object an application needs to talk to Texter: every API group of the Texter API v2 ({@link #chats()},
 * {@link #messages()}, {@link #templates()}, ... and {@link #paging()}), plus validated one-call flows for what
 * integrations do most (send a message or a template, create and submit a template, manage quick replies, import
 * a webhook subscription, edit and publish a scenario draft).
 *
 * <pre>{@code
 * Texter texter = Texter.connect("demo", System.getenv("TEXTER_API_TOKEN"));
 * ChatSearchResult found = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("972521234567"));
 * texter.sendMessage(chatId, Messages.buttons("Was this helpful?").button("Yes", "yes").button("No", "no"));
 * texter.sendTemplate(Templates.send("inbox_marketing_98", "972521234567").body("John"));
 * texter.importSubscription(WebhookSubscriptions.newIncomingMessages("https://crm.example.com/hook"));
 * }</pre>
 *
 * <p>The API groups are the generated interfaces, called through the {@link TexterClient} this object wraps: typed
 * errors, retries that never resend a call Texter may have processed, timeouts, logging with the token redacted.
 * The flows ({@code sendMessage}, {@code sendTemplate}, {@code createAndSubmitTemplate}, ...) check every body
 * against the DSL's rules before anything is sent; a broken rule throws {@link InvalidRequestException}. Multi-step
 * flows never retry a step. Instances are immutable and thread-safe: make one per project and token and share it,
 * and {@link #close()} it (or use try-with-resources) when the application no longer needs it.
 */
public final class Texter implements AutoCloseable {

    private final TexterClient client;

    private Texter(TexterClient client) {
        this.client = client;
    }

    /**
     * Wraps an existing client, for settings beyond project and token (timeouts, retries, logging, base URL):
     * {@code Texter.of(TexterClient.builder().projectId("demo").token(token).logLevel(HttpLogLevel.BASIC).build())}.
     *
     * @param client the client to call Texter through
     * @return the entry object
     */
    public static Texter of(TexterClient client) {
        return new Texter(java.util.Objects.requireNonNull(client, "client"));
    }

    /**
     * Connects to {@code https://<projectId>.texterchat.com} with an API token and the client's defaults.
     *
     * @param projectId the project ID (the subdomain of your Texter environment)
     * @param token the API token
     * @return the entry object
     */
    public static Texter connect(String projectId, String token) {
        return new Texter(TexterClient.builder().projectId(projectId).token(token).build());
    }

    /**
     * Connects as {@link TexterClient#fromEnvironment()} does: {@code TEXTER_PROJECT_ID}, {@code TEXTER_API_TOKEN}
     * and the optional {@code TEXTER_BASE_URL}.
     *
     * @return the entry object
     * @throws IllegalStateException when a required variable is missing or invalid
     */
    public static Texter fromEnvironment() {
        return new Texter(TexterClient.fromEnvironment());
    }

    /**
     * The client underneath, for its settings ({@link TexterClient#baseUrl()}, {@link TexterClient#retryPolicy()}).
     *
     * @return the client
     */
    public TexterClient client() {
        return client;
    }

    /**
     * An entry object whose calls, flows included, go with other options: a call or read timeout, a retry policy,
     * extra headers. It shares this one's connections and threads ({@link TexterClient#withOptions(Consumer)}), so
     * one per request is fine; closing it does nothing.
     *
     * <pre>{@code
     * texter.withOptions(o -> o.header("X-Request-Id", requestId).callTimeout(Duration.ofSeconds(5)))
     *         .sendText(chatId, "Your order has shipped");
     * }</pre>
     *
     * @param change sets the options
     * @return the entry object with the options
     * @throws IllegalArgumentException when an option is refused (e.g. a header the SDK sets itself)
     */
    public Texter withOptions(Consumer<CallOptions.Builder> change) {
        return new Texter(client.withOptions(change));
    }

    /**
     * An entry object whose calls go with the given options; see {@link #withOptions(Consumer)}.
     *
     * @param options the options
     * @return the entry object with the options
     */
    public Texter withOptions(CallOptions options) {
        return new Texter(client.withOptions(options));
    }

    /**
     * Makes calls through this entry object and returns, besides what they return, the full answer of the last
     * one: status, headers and raw body ({@link TexterClient#withRawResponse(Function)}).
     *
     * <pre>{@code
     * TexterResponse<SendMessageResponse> sent = texter.withRawResponse(t -> t.sendText(chatId, "Hello"));
     * Optional<String> requestId = sent.header("X-Request-Id");
     * }</pre>
     *
     * @param calls the calls, given this entry object
     * @param <T>   what they return
     * @return the last answer, with what the function returned as its body
     * @throws IllegalStateException when the function made no call
     */
    public <T extends @Nullable Object> TexterResponse<T> withRawResponse(Function<? super Texter, T> calls) {
        java.util.Objects.requireNonNull(calls, "calls");
        return client.withRawResponse(c -> calls.apply(this));
    }

    // ---- API groups ----------------------------------------------------------------------------------

    /**
     * Chats: search, get, assign, resolve, update properties and CRM data.
     *
     * @return the chats API
     */
    public ChatsApi chats() {
        return client.chats();
    }

    /**
     * Session messages of a chat: read and send (unvalidated; {@link #sendMessage(String, MessageBuilder)} checks
     * the message first).
     *
     * @return the messages API
     */
    public MessagesApi messages() {
        return client.messages();
    }

    /**
     * WhatsApp templates: list, create, localize, submit, update, delete and send.
     *
     * @return the templates API
     */
    public TemplatesApi templates() {
        return client.templates();
    }

    /**
     * Who may receive template messages: unsubscribe, resubscribe, list opted-out recipients.
     *
     * @return the template subscriptions API
     */
    public TemplateSubscriptionsApi templateSubscriptions() {
        return client.templateSubscriptions();
    }

    /**
     * Labels and the labels of a chat.
     *
     * @return the labels API
     */
    public LabelsApi labels() {
        return client.labels();
    }

    /**
     * Public links to stored media files.
     *
     * @return the files API
     */
    public FilesApi files() {
        return client.files();
    }

    /**
     * Health problems of connected channel accounts.
     *
     * @return the channels API
     */
    public ChannelsApi channels() {
        return client.channels();
    }

    /**
     * Quick replies agents send with one click.
     *
     * @return the quick replies API
     */
    public QuickRepliesApi quickReplies() {
        return client.quickReplies();
    }

    /**
     * Webhook subscriptions (event subscriptions): import, list, activate, inactivate, delete.
     *
     * @return the event subscriptions API
     */
    public EventSubscriptionsApi eventSubscriptions() {
        return client.eventSubscriptions();
    }

    /**
     * Advanced scenario editing: drafts, revisions, components and runs.
     *
     * @return the scenarios API
     */
    public ScenariosApi scenarios() {
        return client.scenarios();
    }

    /**
     * The paged lists (chats, a chat's messages, quick replies, labels, unsubscribed users, scenario runs) as lazy
     * sequences that fetch the next page only when it is reached.
     *
     * @return the paging helper
     */
    public TexterPaging paging() {
        return client.paging();
    }

    /**
     * The asynchronous API: every operation of every group returning a {@link java.util.concurrent.CompletableFuture},
     * on the same connection pool, retries, timeouts, limits, logging and errors as the blocking calls (see
     * {@link TexterAsyncClient}); also the paged lists as {@link com.texterchat.client.paging.AsyncPaged} walks.
     *
     * <pre>{@code
     * texter.async().chats().getChat(chatId).thenAccept(chat -> System.out.println(chat.getTitle()));
     * }</pre>
     *
     * @return the asynchronous view of this Texter's client
     */
    public TexterAsyncClient async() {
        return client.async();
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
     * Sends an approved template (Send Template Message) built with {@link Templates#send(String, String)}:
     * {@code texter.sendTemplate(Templates.send("order_ready", phone).language("en").body("Roy", "15033"))}. Check
     * {@code success} on the answer: Texter refuses recipients who unsubscribed from templates with HTTP 200 and
     * {@code success: false}. (From Kotlin, {@code texter.sendTemplate("order_ready", phone) { ... }} of
     * {@code com.texterchat.dsl.kotlin} does the same in one call.)
     */
    public SendTemplateResponse sendTemplate(SendTemplateBuilder template) {
        return sendTemplate(template.build());
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
     *     (there would be nothing to submit; {@link #createTemplateDraft} creates one without)
     * @throws TexterWorkflowException when a call fails: it names the step, the template and the language, and
     *     lists what had completed
     */
    public TemplateSubmission createAndSubmitTemplate(String accountId, NewTemplate template) {
        TemplateRules.validate(template);
        // Nothing to submit is a mistake here, not a choice: the draft flow is the one that allows it.
        Check.count("localizations", template.localizations(), 1, Integer.MAX_VALUE);
        return createTemplate(accountId, template, true);
    }

    /** See {@link #createTemplateDraft(String, NewTemplate)}. */
    public TemplateSubmission createTemplateDraft(String accountId, NewTemplateBuilder template) {
        return createTemplateDraft(accountId, template.build());
    }

    /**
     * Creates a template and adds its localizations without submitting them, so they stay editable in Texter
     * (review the preview there, then submit). Fails like {@link #createAndSubmitTemplate(String, NewTemplate)}.
     *
     * <p>The template may have no localization at all (create now, localize later with {@link #localizeTemplate}).
     * <b>Add one soon:</b> Texter's next sync with WhatsApp may delete a template that has no localization, and
     * it cannot be sent until a localization is submitted and approved.
     */
    public TemplateSubmission createTemplateDraft(String accountId, NewTemplate template) {
        TemplateRules.validate(template);
        return createTemplate(accountId, template, false);
    }

    /**
     * Creates {@code template}, a template read back from Texter (e.g. from List All Templates, typically of
     * another business number), on {@code accountId} and submits every localization:
     * {@code createAndSubmitTemplate(accountId, Templates.copyOf(template))}. See {@link Templates#copyOf} for
     * what is copied; to change something first (e.g. the name), edit the builder {@code copyOf} returns.
     *
     * @throws InvalidRequestException before any call, when the copy breaks a rule or lacks what a new template needs
     * @throws TexterWorkflowException when a call fails, naming the step and what had completed
     */
    public TemplateSubmission recreateTemplate(String accountId, Template template) {
        return createAndSubmitTemplate(accountId, Templates.copyOf(template));
    }

    /**
     * Adds or replaces the localization of an existing, not yet submitted template (Create or Update
     * Localization), e.g. of one created by {@link #createTemplateDraft} without localizations. Submit it with
     * {@code templates().submitTemplateLocalization(accountId, templateName, language)}. The category is not
     * known here, so an AUTHENTICATION template's own rules are not checked; {@link
     * TemplateRules#validate(TemplateLocalizationRequest, com.texterchat.model.TemplateCategory, String)} checks them.
     */
    public Template localizeTemplate(String accountId, String templateName, LocalizationBuilder localization) {
        return localizeTemplate(accountId, templateName, localization.build());
    }

    /** Adds or replaces a localization after checking it against {@link TemplateRules}. */
    public Template localizeTemplate(String accountId, String templateName, TemplateLocalizationRequest localization) {
        Check.notBlank("accountId", accountId);
        Check.matches("templateName", templateName, TemplateRules.TEMPLATE_NAME, "letters, digits, '_' and '-'");
        return client.templates().upsertTemplateLocalization(accountId, templateName,
                TemplateRules.validate(localization));
    }

    /** Updates a template's settings in Texter (Update Existing Template). */
    public Template updateTemplate(String accountId, String templateName, UpdateTemplateBuilder update) {
        Check.notBlank("accountId", accountId);
        Check.matches("templateName", templateName, TemplateRules.TEMPLATE_NAME, "letters, digits, '_' and '-'");
        return client.templates().updateTemplate(accountId, templateName, update.build());
    }

    private TemplateSubmission createTemplate(String accountId, NewTemplate template, boolean submit) {
        Check.notBlank("accountId", accountId);
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

    /**
     * Closes the client underneath ({@link TexterClient#close()}): its threads and connections are released, and
     * every later call fails with an {@link IllegalStateException}. Closing again does nothing. A {@code Texter}
     * made with {@link #of(TexterClient)} closes that client too; one made by {@link #withOptions(Consumer)} owns
     * nothing, and closing it does nothing.
     */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "Texter[" + client + "]";
    }
}
