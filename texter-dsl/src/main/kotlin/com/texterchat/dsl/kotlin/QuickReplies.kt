@file:JvmName("KotlinQuickReplies")
@file:OptIn(ExperimentalContracts::class)

package com.texterchat.dsl.kotlin

import com.texterchat.Texter
import com.texterchat.dsl.quickreply.QuickReplies
import com.texterchat.dsl.quickreply.QuickReplyBuilder
import com.texterchat.dsl.quickreply.QuickReplyUpdateBuilder
import com.texterchat.model.ChannelName
import com.texterchat.model.ChannelTarget
import com.texterchat.model.CreateQuickReplyRequest
import com.texterchat.model.QuickReply
import com.texterchat.model.QuickReplyOperation
import com.texterchat.model.QuickReplyPosition
import com.texterchat.model.SessionMessage
import java.time.Duration
import kotlin.contracts.ExperimentalContracts
import kotlin.contracts.InvocationKind
import kotlin.contracts.contract

/** Further messages and targets of a [quickReply], and how agents see it. */
@TexterDsl
class QuickReplyScope @PublishedApi internal constructor(target: ChannelTarget, message: SessionMessage) {
    private val builder: QuickReplyBuilder = QuickReplies.newQuickReply().target(target).content(message)

    /** The pause between the messages when there are several (whole milliseconds). */
    var betweenMessagesDelay: Duration? = null

    /** Where agents see it: [QuickReplyPosition.TOP] or [QuickReplyPosition.MAIN]. */
    var position: QuickReplyPosition? = null

    /** The title agents see. */
    var title: String? = null

    /** A note shown beside the quick reply, e.g. "AI suggestion". */
    var note: String? = null

    /** Only these departments see it. */
    var departments: List<String>? = null

    /** Only these users (UIDs) see it. */
    var users: List<String>? = null

    /** Adds a further message sent after the earlier ones, e.g. `message(buttonsMessage("Anything else?") { ... })`. */
    fun message(message: SessionMessage) {
        builder.content(message)
    }

    /** Offers the quick reply in one more place, e.g. `target(QuickReplies.chat(ChannelName.WHATSAPP, account, chatId))`. */
    fun target(target: ChannelTarget) {
        builder.target(target)
    }

    /** Builds the body and checks it. */
    @PublishedApi
    internal fun build(): CreateQuickReplyRequest {
        betweenMessagesDelay?.let { builder.betweenMessagesDelay(it) }
        position?.let { builder.position(it) }
        title?.let { builder.title(it) }
        note?.let { builder.note(it) }
        departments?.let { builder.departments(it) }
        users?.let { builder.users(it) }
        return builder.build()
    }
}

/**
 * A target offering a quick reply in every chat of the channel account [accountId] (for WhatsApp, the business
 * number), or only in the chat [chatId] when it is given.
 */
fun quickReplyTarget(channel: ChannelName, accountId: String, chatId: String? = null): ChannelTarget =
    if (chatId == null) QuickReplies.channel(channel, accountId) else QuickReplies.chat(channel, accountId, chatId)

/**
 * Builds a Create Quick Reply body offered at [target] that sends [message] (more of either in [block]):
 * ```
 * quickReply(quickReplyTarget(ChannelName.WHATSAPP, "972586640430"), textMessage("Thanks! An agent will reply shortly.")) {
 *     title = "Greeting"
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the body breaks a rule
 */
inline fun quickReply(
    target: ChannelTarget,
    message: SessionMessage,
    block: QuickReplyScope.() -> Unit = {},
): CreateQuickReplyRequest {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return QuickReplyScope(target, message).apply(block).build()
}

/**
 * Creates a [quickReply] (Create Quick Reply).
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the body breaks a rule
 */
inline fun Texter.createQuickReply(
    target: ChannelTarget,
    message: SessionMessage,
    block: QuickReplyScope.() -> Unit = {},
): QuickReply {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return createQuickReply(quickReply(target, message, block))
}

/**
 * The operations of a [quickReplyUpdate], applied by Texter in the order they are added; the `remove...` ones clear
 * a value.
 */
@TexterDsl
class QuickReplyUpdateScope @PublishedApi internal constructor() {
    /** The Java builder collecting the operations. */
    @PublishedApi
    internal val builder: QuickReplyUpdateBuilder = QuickReplies.update()

    /** Replaces all messages of the quick reply. */
    fun replaceContents(vararg messages: SessionMessage) {
        builder.replaceContents(messages.toList())
    }

    /** Replaces the targets, see [quickReplyTarget]. */
    fun replaceTargets(vararg targets: ChannelTarget) {
        builder.replaceTargets(*targets)
    }

    /** Sets the pause between messages (whole milliseconds). */
    fun betweenMessagesDelay(delay: Duration) {
        builder.betweenMessagesDelay(delay)
    }

    /** Removes the pause between messages. */
    fun removeBetweenMessagesDelay() {
        builder.removeBetweenMessagesDelay()
    }

    /** Sets the title agents see. */
    fun displayTitle(title: String) {
        builder.displayTitle(title)
    }

    /** Removes the title. */
    fun removeDisplayTitle() {
        builder.removeDisplayTitle()
    }

    /** Sets the note shown beside the quick reply. */
    fun displayNote(note: String) {
        builder.displayNote(note)
    }

    /** Removes the note. */
    fun removeDisplayNote() {
        builder.removeDisplayNote()
    }

    /** Moves the quick reply to [QuickReplyPosition.TOP] or [QuickReplyPosition.MAIN]. */
    fun displayPosition(position: QuickReplyPosition) {
        builder.displayPosition(position)
    }

    /** Shows it only to these departments. */
    fun displayDepartments(departmentIds: List<String>) {
        builder.displayDepartments(departmentIds)
    }

    /** Removes the department restriction. */
    fun removeDisplayDepartments() {
        builder.removeDisplayDepartments()
    }

    /** Shows it only to these users (UIDs). */
    fun displayUsers(userUids: List<String>) {
        builder.displayUsers(userUids)
    }

    /** Removes the user restriction. */
    fun removeDisplayUsers() {
        builder.removeDisplayUsers()
    }

    /** Replaces the free-form data your integration keeps under `metadata.client`. */
    fun clientMetadata(metadata: Map<String, Any?>) {
        builder.clientMetadata(metadata)
    }

    /** Clears `metadata.client`. */
    fun clearClientMetadata() {
        builder.clearClientMetadata()
    }

    /** Sets `metadata.client` to `{"aiQuickReply": true}`: Texter's inbox shows it as an AI-suggested answer. */
    fun markAsAiSuggestion() {
        builder.markAsAiSuggestion()
    }
}

/**
 * Builds the 1-1000 operations of Update Existing Quick Reply:
 * `quickReplyUpdate { displayTitle("Greeting (new)"); removeDisplayNote() }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when an operation breaks a rule
 */
inline fun quickReplyUpdate(block: QuickReplyUpdateScope.() -> Unit): List<QuickReplyOperation> {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return QuickReplyUpdateScope().apply(block).builder.build()
}

/**
 * Applies a [quickReplyUpdate] to the quick reply [quickReplyId] (Update Existing Quick Reply):
 * `texter.updateQuickReply(id) { markAsAiSuggestion() }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when an operation breaks a rule
 */
inline fun Texter.updateQuickReply(quickReplyId: String, block: QuickReplyUpdateScope.() -> Unit): QuickReply {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return updateQuickReply(quickReplyId, QuickReplyUpdateScope().apply(block).builder)
}
