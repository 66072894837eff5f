@file:JvmName("KotlinTemplates")
@file:OptIn(ExperimentalContracts::class)

package com.texterchat.dsl.kotlin

import com.texterchat.Texter
import com.texterchat.dsl.TemplateSubmission
import com.texterchat.dsl.template.LocalizationBuilder
import com.texterchat.dsl.template.NewTemplate
import com.texterchat.dsl.template.NewTemplateBuilder
import com.texterchat.dsl.template.ReplyActionBuilder
import com.texterchat.dsl.template.SendTemplateBuilder
import com.texterchat.dsl.template.TemplateSettingsBuilder
import com.texterchat.dsl.template.TemplateValuesBuilder
import com.texterchat.dsl.template.Templates
import com.texterchat.dsl.template.UpdateTemplateBuilder
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.SendTemplateRequest
import com.texterchat.model.SendTemplateResponse
import com.texterchat.model.SessionMessage
import com.texterchat.model.Template
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateHeaderFormat
import com.texterchat.model.TemplateLocalizationRequest
import com.texterchat.model.TemplateUsage
import com.texterchat.model.UpdateTemplateRequest
import java.time.Duration
import kotlin.contracts.ExperimentalContracts
import kotlin.contracts.InvocationKind
import kotlin.contracts.contract

/** Body values, header media and button payloads of a send (or of a localization's defaults). */
@TexterDsl
open class TemplateValuesScope internal constructor(private val values: TemplateValuesBuilder<*>) {
    /** The values of {{1}}, {{2}}, ...: not empty, no line breaks, tabs or 5+ consecutive spaces. */
    fun body(vararg values: String) {
        this.values.body(*values)
    }

    /** An image header Texter downloads from [url]. */
    fun imageHeader(url: String) {
        values.imageHeader(url)
    }

    /** A video header Texter downloads from [url]. */
    fun videoHeader(url: String) {
        values.videoHeader(url)
    }

    /** A document header Texter downloads from [url], shown as [filename]. */
    fun documentHeader(url: String, filename: String? = null) {
        values.documentHeader(url, filename)
    }

    /** The payloads of the template's buttons, in button order. */
    fun buttonPayloads(vararg payloads: String) {
        values.buttonPayloads(*payloads)
    }
}

/** The values and options of a [templateMessage] or [Texter.sendTemplate]. */
@TexterDsl
class SendTemplateScope @PublishedApi internal constructor(private val builder: SendTemplateBuilder) :
    TemplateValuesScope(builder) {
    /** The business number to send from; the default channel when not set. */
    var from: String? = null

    /** The localization to send, e.g. `en`; the template's default language when not set. */
    var language: String? = null

    /** Chat data to update as the template is sent, e.g. `setChat("displayName", "Dana")`. */
    fun setChat(key: String, value: Any) {
        builder.setChat(key, value)
    }

    /** What happens when the recipient replies, overriding the template's own settings. */
    fun replyAction(block: ReplyActionScope.() -> Unit) {
        val scope = ReplyActionScope().apply(block)
        builder.replyAction { scope.applyTo(it) }
    }

    /** The session message Texter sends instead while the 24-hour window is open, e.g. `textMessage("...")`. */
    fun sessionMessage(message: SessionMessage) {
        builder.sessionMessage(message)
    }

    /** Builds the body and checks it. */
    @PublishedApi
    internal fun build(): SendTemplateRequest {
        from?.let { builder.from(it) }
        language?.let { builder.language(it) }
        return builder.build()
    }
}

/** What happens when the recipient answers a sent template. */
@TexterDsl
class ReplyActionScope internal constructor() {
    /** The status the chat moves to. */
    var chatStatus: ReplyChatStatus? = null

    /** The bot node to run (needs [ReplyChatStatus.BOT]). */
    var setBotNode: String? = null

    /** The bot to run. */
    var bot: String? = null

    /** A text sent automatically after the reply. */
    var replyText: String? = null

    /** The agent (email) the chat goes to; not with [responsibleDepartment]. */
    var responsibleAgent: String? = null

    /** The department the chat goes to; not with [responsibleAgent]. */
    var responsibleDepartment: String? = null

    /** How long the action stays armed (whole seconds). */
    var expirationTime: Duration? = null

    internal fun applyTo(action: ReplyActionBuilder) {
        chatStatus?.let { action.chatStatus(it) }
        setBotNode?.let { action.setBotNode(it) }
        bot?.let { action.bot(it) }
        replyText?.let { action.replyText(it) }
        responsibleAgent?.let { action.responsibleAgent(it) }
        responsibleDepartment?.let { action.responsibleDepartment(it) }
        expirationTime?.let { action.expirationTime(it) }
    }
}

/**
 * Builds a Send Template Message body for the approved template [templateName] and the recipient [to], without
 * sending it (e.g. to prepare a campaign); [Texter.sendTemplate] builds and sends in one call.
 * ```
 * templateMessage("inbox_marketing_95", to = "0521234567") {
 *     language = "he"
 *     body("Roy", "15033")
 *     replyAction { chatStatus = ReplyChatStatus.PENDING; responsibleDepartment = "customer_service" }
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the body breaks a rule
 */
inline fun templateMessage(
    templateName: String,
    to: String,
    block: SendTemplateScope.() -> Unit = {},
): SendTemplateRequest {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return SendTemplateScope(Templates.send(templateName, to)).apply(block).build()
}

/**
 * Sends the approved template [templateName] to [to] (Send Template Message):
 * `texter.sendTemplate("order_ready", phone) { language = "en"; body("Roy", "15033") }`. Check `success` on the
 * answer, or rely on the client: Texter refuses recipients who unsubscribed from templates with HTTP 200 and
 * `success: false`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the body breaks a rule
 */
inline fun Texter.sendTemplate(
    templateName: String,
    to: String,
    block: SendTemplateScope.() -> Unit = {},
): SendTemplateResponse {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return sendTemplate(templateMessage(templateName, to, block))
}

/** The WhatsApp-facing content of one language of a template. */
@TexterDsl
class LocalizationScope @PublishedApi internal constructor(private val builder: LocalizationBuilder) {
    /** A TEXT header, with the example of its variable {{1}} when it has one. */
    fun textHeader(text: String, example: String? = null) {
        if (example == null) builder.textHeader(text) else builder.textHeader(text, example)
    }

    /**
     * A TEXT header with one named variable and its example:
     * `textHeader("Order {{order_id}}", mapOf("order_id" to "A-1001"))`. The localization's variables become named.
     */
    fun textHeader(text: String, examples: Map<String, String>) {
        builder.textHeader(text, examples)
    }

    /** An IMAGE, VIDEO or DOCUMENT header with a sample file for WhatsApp's reviewers. */
    fun mediaHeader(format: TemplateHeaderFormat, exampleUrl: String) {
        builder.mediaHeader(format, exampleUrl)
    }

    /** A LOCATION header. */
    fun locationHeader() {
        builder.locationHeader()
    }

    /** The body with one example per variable {{1}}, {{2}}, ... */
    fun body(text: String, vararg examples: String) {
        builder.body(text, *examples)
    }

    /**
     * The body with named variables (lowercase letters, digits, `_`) and the example of each:
     * `body("Hi {{first_name}}!", mapOf("first_name" to "John"))`. The examples go in `body_text_named_params` and
     * the localization becomes `parameter_format: NAMED`; named and positional variables are never mixed.
     */
    fun body(text: String, examples: Map<String, String>) {
        builder.body(text, examples)
    }

    /** The footer (no variables). */
    fun footer(text: String) {
        builder.footer(text)
    }

    /** A QUICK_REPLY button. */
    fun quickReply(text: String) {
        builder.quickReply(text)
    }

    /** A URL button; give [example] when [url] ends in {{1}}. */
    fun urlButton(text: String, url: String, example: String? = null) {
        if (example == null) builder.urlButton(text, url) else builder.urlButton(text, url, example)
    }

    /** A PHONE_NUMBER button. */
    fun phoneButton(text: String, phoneNumber: String) {
        builder.phoneButton(text, phoneNumber)
    }

    /** A FLOW button. */
    fun flowButton(text: String, flowId: String, navigateScreen: String? = null) {
        builder.flowButton(text, flowId, navigateScreen)
    }

    /** Values used when a send gives none. */
    fun defaults(block: TemplateValuesScope.() -> Unit) {
        builder.defaults { d -> TemplateValuesScope(d).block() }
    }

    /** Builds the localization and checks it. */
    @PublishedApi
    internal fun build(): TemplateLocalizationRequest = builder.build()
}

/**
 * Builds a Create or Update Localization body for [language] (e.g. `en`, `he`, `en_US`):
 * `localization("en") { body("Hi {{1}}, how can we help?", "John"); quickReply("Contact us") }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the content breaks a rule
 */
inline fun localization(language: String, block: LocalizationScope.() -> Unit): TemplateLocalizationRequest {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return LocalizationScope(Templates.localization(language)).apply(block).build()
}

/** Settings a new template and a template update share: what happens when a recipient replies, and who may use it. */
@TexterDsl
abstract class TemplateSettingsScope internal constructor() {
    /** Make this the account's default template. */
    var isDefault: Boolean? = null

    /** Departments allowed to use it. */
    var departments: List<String>? = null

    /** The bot node run after a reply (chat status BOT only). */
    var setBotNode: String? = null

    /** The agent (email) the chat goes to after a reply; not with [responsibleDepartment]. */
    var responsibleAgent: String? = null

    /** The department the chat goes to after a reply; not with [responsibleAgent]. */
    var responsibleDepartment: String? = null

    /** The text sent automatically after a reply. */
    var replyText: String? = null

    internal fun applyTo(settings: TemplateSettingsBuilder<*>) {
        isDefault?.let { settings.isDefault(it) }
        departments?.let { settings.departments(it) }
        setBotNode?.let { settings.setBotNode(it) }
        responsibleAgent?.let { settings.responsibleAgent(it) }
        responsibleDepartment?.let { settings.responsibleDepartment(it) }
        replyText?.let { settings.replyText(it) }
    }
}

/** The settings and localizations of a [newTemplate]. */
@TexterDsl
class NewTemplateScope @PublishedApi internal constructor(
    title: String,
    category: TemplateCategory,
    usage: TemplateUsage,
    chatStatus: ReplyChatStatus,
) : TemplateSettingsScope() {
    private val builder: NewTemplateBuilder = Templates.newTemplate(title, category, usage, chatStatus)

    /** The unique name (letters, digits, `_`); Texter assigns one such as `inbox_marketing_95` when it is not set. */
    var name: String? = null

    /**
     * Adds the content for [language]. [Texter.createAndSubmitTemplate] needs at least one; a draft may have none
     * (create now, localize later with [Texter.localizeTemplate]).
     */
    fun localization(language: String, block: LocalizationScope.() -> Unit) {
        builder.localization(language) { LocalizationScope(it).block() }
    }

    /** Builds the template and checks it. */
    @PublishedApi
    internal fun build(): NewTemplate {
        applyTo(builder)
        name?.let { builder.name(it) }
        return builder.build()
    }
}

/**
 * Builds a new template without creating it; [Texter.createAndSubmitTemplate] builds, creates and submits in one
 * call. [category] may be `AUTHENTICATION` (one-time passwords), whose localizations must follow WhatsApp's rules
 * (no header, a body with exactly one variable and no URL or emoji, at most one button, of type URL).
 * ```
 * newTemplate("Welcome", TemplateCategory.MARKETING, TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
 *     localization("en") { body("Hi {{1}}, how can we help?", "John"); quickReply("Contact us") }
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the template breaks a rule
 */
inline fun newTemplate(
    title: String,
    category: TemplateCategory,
    usage: TemplateUsage,
    chatStatus: ReplyChatStatus,
    block: NewTemplateScope.() -> Unit,
): NewTemplate {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return NewTemplateScope(title, category, usage, chatStatus).apply(block).build()
}

/**
 * Creates a template on the business number [accountId] and, language by language, adds its localization and
 * submits it for WhatsApp's approval, as `Texter.createAndSubmitTemplate(String, NewTemplate)` does.
 * ```
 * texter.createAndSubmitTemplate(accountId, "Order ready", TemplateCategory.UTILITY, TemplateUsage.INBOX,
 *         ReplyChatStatus.PENDING) {
 *     name = "order_ready"
 *     localization("en") { body("Hi {{1}}, order {{2}} is ready.", "Roy", "15033") }
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the template breaks a rule
 * @throws com.texterchat.dsl.TexterWorkflowException when a call fails, naming the step and what had completed
 */
inline fun Texter.createAndSubmitTemplate(
    accountId: String,
    title: String,
    category: TemplateCategory,
    usage: TemplateUsage,
    chatStatus: ReplyChatStatus,
    block: NewTemplateScope.() -> Unit,
): TemplateSubmission {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return createAndSubmitTemplate(accountId, newTemplate(title, category, usage, chatStatus, block))
}

/**
 * Creates a template on [accountId] and adds its localizations without submitting them, so they stay editable in
 * Texter, as `Texter.createTemplateDraft(String, NewTemplate)` does. It may have no localization (create now,
 * localize later with [Texter.localizeTemplate]); add one soon, as Texter's next sync may delete a template left
 * without one.
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the template breaks a rule
 * @throws com.texterchat.dsl.TexterWorkflowException when a call fails, naming the step and what had completed
 */
inline fun Texter.createTemplateDraft(
    accountId: String,
    title: String,
    category: TemplateCategory,
    usage: TemplateUsage,
    chatStatus: ReplyChatStatus,
    block: NewTemplateScope.() -> Unit,
): TemplateSubmission {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return createTemplateDraft(accountId, newTemplate(title, category, usage, chatStatus, block))
}

/** The fields a [templateUpdate] changes; fields left unset stay as they are. */
@TexterDsl
class TemplateUpdateScope @PublishedApi internal constructor() : TemplateSettingsScope() {
    /** The title shown in Texter. */
    var title: String? = null

    /** The status the chat moves to when the recipient replies. */
    var chatStatus: ReplyChatStatus? = null

    /** Whether the template is meant for one-to-one (`inbox`) or `bulk` sends. */
    var usage: TemplateUsage? = null

    /** The Java builder holding the changes. */
    @PublishedApi
    internal fun builder(): UpdateTemplateBuilder {
        val builder = Templates.update()
        applyTo(builder)
        title?.let { builder.title(it) }
        chatStatus?.let { builder.chatStatus(it) }
        usage?.let { builder.usage(it) }
        return builder
    }
}

/**
 * Builds an Update Existing Template body (at least one field): `templateUpdate { title = "Order ready (v2)" }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the body breaks a rule
 */
inline fun templateUpdate(block: TemplateUpdateScope.() -> Unit): UpdateTemplateRequest {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return TemplateUpdateScope().apply(block).builder().build()
}

/**
 * Updates the settings of the template [templateName] on [accountId] (Update Existing Template):
 * `texter.updateTemplate(accountId, "order_ready") { replyText = "Thanks, we are on it." }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the body breaks a rule
 */
inline fun Texter.updateTemplate(
    accountId: String,
    templateName: String,
    block: TemplateUpdateScope.() -> Unit,
): Template {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return updateTemplate(accountId, templateName, TemplateUpdateScope().apply(block).builder())
}

/**
 * Adds or replaces the localization [language] of the template [templateName] on [accountId] (Create or Update
 * Localization), e.g. of a draft created without localizations:
 * `texter.localizeTemplate(accountId, "order_ready", "en") { body("Hi {{first_name}}!", mapOf("first_name" to "Roy")) }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the content breaks a rule
 */
inline fun Texter.localizeTemplate(
    accountId: String,
    templateName: String,
    language: String,
    block: LocalizationScope.() -> Unit,
): Template {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return localizeTemplate(accountId, templateName, localization(language, block))
}
