@file:JvmName("KotlinTemplates")

package com.texterchat.dsl.kotlin

import com.texterchat.dsl.template.LocalizationBuilder
import com.texterchat.dsl.template.NewTemplate
import com.texterchat.dsl.template.ReplyActionBuilder
import com.texterchat.dsl.template.SendTemplateBuilder
import com.texterchat.dsl.template.TemplateValuesBuilder
import com.texterchat.dsl.template.Templates
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.SendTemplateRequest
import com.texterchat.model.SessionMessage
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateHeaderFormat
import com.texterchat.model.TemplateLocalizationRequest
import com.texterchat.model.TemplateUsage
import java.time.Duration

/** Body values, header media and button payloads of a send (or of a localization's defaults). */
@TexterDsl
open class TemplateValuesScope internal constructor(private val values: TemplateValuesBuilder<*>) {
    /** The values of {{1}}, {{2}}, ...: not empty, no line breaks, tabs or 5+ consecutive spaces. */
    fun body(vararg values: String) {
        this.values.body(*values)
    }

    /** An image header. */
    fun imageHeader(url: String) {
        values.imageHeader(url)
    }

    /** A video header. */
    fun videoHeader(url: String) {
        values.videoHeader(url)
    }

    /** A document header shown as [filename]. */
    fun documentHeader(url: String, filename: String? = null) {
        values.documentHeader(url, filename)
    }

    /** The payloads of the template's buttons, in button order. */
    fun buttonPayloads(vararg payloads: String) {
        values.buttonPayloads(*payloads)
    }
}

/** The body of [sendTemplate]. */
@TexterDsl
class SendTemplateScope internal constructor(private val builder: SendTemplateBuilder) : TemplateValuesScope(builder) {
    /** The business number to send from; the default channel when not set. */
    var from: String? = null

    /** The localization to send, e.g. `en`. */
    var language: String? = null

    /** Chat data to update as the template is sent. */
    fun setChat(key: String, value: Any) {
        builder.setChat(key, value)
    }

    /** What happens when the recipient replies. */
    fun replyAction(block: ReplyActionScope.() -> Unit) {
        val scope = ReplyActionScope().apply(block)
        builder.replyAction { scope.applyTo(it) }
    }

    /** The session message sent instead while the 24-hour window is open, e.g. `textMessage("...")`. */
    fun sessionMessage(message: SessionMessage) {
        builder.sessionMessage(message)
    }

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
 * A Send Template Message body:
 * ```
 * sendTemplate("inbox_marketing_95", to = "0521234567") {
 *     language = "he"
 *     body("Roy", "15033")
 *     replyAction { chatStatus = ReplyChatStatus.PENDING; responsibleDepartment = "customer_service" }
 * }
 * ```
 */
fun sendTemplate(templateName: String, to: String, block: SendTemplateScope.() -> Unit = {}): SendTemplateRequest =
    SendTemplateScope(Templates.send(templateName, to)).apply(block).build()

/** The WhatsApp-facing content of one language. */
@TexterDsl
class LocalizationScope internal constructor(private val builder: LocalizationBuilder) {
    /** A TEXT header, with the example of its variable {{1}} when it has one. */
    fun textHeader(text: String, example: String? = null) {
        if (example == null) builder.textHeader(text) else builder.textHeader(text, example)
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
}

/** A Create or Update Localization body for [language]. */
fun localization(language: String, block: LocalizationScope.() -> Unit): TemplateLocalizationRequest {
    val builder = Templates.localization(language)
    LocalizationScope(builder).block()
    return builder.build()
}

/** The settings and localizations of [newTemplate]. */
@TexterDsl
class NewTemplateScope internal constructor() {
    /** The unique name; Texter assigns one when it is not set. */
    var name: String? = null

    /** Make this the account's default template. */
    var isDefault: Boolean? = null

    /** Departments allowed to use it. */
    var departments: List<String>? = null

    /** The bot node run after a reply (chat status BOT only). */
    var setBotNode: String? = null

    /** The agent (email) the chat goes to after a reply. */
    var responsibleAgent: String? = null

    /** The department the chat goes to after a reply. */
    var responsibleDepartment: String? = null

    /** The text sent automatically after a reply. */
    var replyText: String? = null
    internal val localizations = mutableListOf<Pair<String, LocalizationScope.() -> Unit>>()

    /** Adds the content for [language]. */
    fun localization(language: String, block: LocalizationScope.() -> Unit) {
        localizations += language to block
    }
}

/**
 * A new template, for `Texter.createAndSubmitTemplate`:
 * ```
 * newTemplate("Welcome", TemplateCategory.MARKETING, TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
 *     localization("en") { body("Hi {{1}}, how can we help?", "John"); quickReply("Contact us") }
 * }
 * ```
 */
fun newTemplate(
    title: String,
    category: TemplateCategory,
    usage: TemplateUsage,
    chatStatus: ReplyChatStatus,
    block: NewTemplateScope.() -> Unit,
): NewTemplate {
    val scope = NewTemplateScope().apply(block)
    val builder = Templates.newTemplate(title, category, usage, chatStatus)
    scope.name?.let { builder.name(it) }
    scope.isDefault?.let { builder.isDefault(it) }
    scope.departments?.let { builder.departments(it) }
    scope.setBotNode?.let { builder.setBotNode(it) }
    scope.responsibleAgent?.let { builder.responsibleAgent(it) }
    scope.responsibleDepartment?.let { builder.responsibleDepartment(it) }
    scope.replyText?.let { builder.replyText(it) }
    scope.localizations.forEach { (language, content) -> builder.localization(language) { LocalizationScope(it).content() } }
    return builder.build()
}
