@file:JvmName("KotlinMessages")
@file:OptIn(ExperimentalContracts::class)

package com.texterchat.dsl.kotlin

import com.texterchat.Texter
import com.texterchat.dsl.message.ButtonsMessageBuilder
import com.texterchat.dsl.message.ContactsMessageBuilder
import com.texterchat.dsl.message.ListMessageBuilder
import com.texterchat.dsl.message.LocationMessageBuilder
import com.texterchat.dsl.message.MediaMessageBuilder
import com.texterchat.dsl.message.MessageBuilder
import com.texterchat.dsl.message.Messages
import com.texterchat.model.OutgoingMediaType
import com.texterchat.model.SendMessageResponse
import com.texterchat.model.SessionMessage
import kotlin.contracts.ExperimentalContracts
import kotlin.contracts.InvocationKind
import kotlin.contracts.contract

// Naming: a function named after what it builds (`textMessage`, `buttonsMessage`, ...) only builds and checks a
// body; a verb on Texter (`texter.sendText`, `texter.sendButtons`, ...) builds, checks and sends it in one call.

/**
 * Options every session message has: reply to an earlier message ([context], its provider ID `wamid...`) and
 * your own correlation ID ([tmpSendId]).
 */
@TexterDsl
open class MessageScope @PublishedApi internal constructor() {
    /** Provider ID (`wamid...`) of the message this one replies to. */
    var context: String? = null

    /** Your own ID for the message, to match it with the stored message and its webhooks later. */
    var tmpSendId: String? = null

    /** Applies the options to [builder] and builds it, checking the message against the DSL's rules. */
    @PublishedApi
    internal fun <B : MessageBuilder<B>> finish(builder: B): SessionMessage {
        context?.let { builder.context(it) }
        tmpSendId?.let { builder.tmpSendId(it) }
        return builder.build()
    }
}

/**
 * Builds a `text` message of 1-4096 characters: `textMessage("Your order has shipped.")`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the message breaks a rule
 */
inline fun textMessage(text: String, block: MessageScope.() -> Unit = {}): SessionMessage {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return MessageScope().apply(block).finish(Messages.text(text))
}

/**
 * Sends a `text` message to the chat [chatId] with options, e.g. as a reply:
 * `texter.sendText(chatId, "Sure, one moment.") { context = "wamid.HBgM" }`. Without options, the Java
 * `texter.sendText(chatId, text)` does the same.
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the message breaks a rule
 */
inline fun Texter.sendText(chatId: String, text: String, block: MessageScope.() -> Unit): SendMessageResponse {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return sendMessage(chatId, textMessage(text, block))
}

/** The reply buttons of a [buttonsMessage]. */
@TexterDsl
class ButtonsMessageScope @PublishedApi internal constructor(text: String) : MessageScope() {
    private val builder: ButtonsMessageBuilder = Messages.buttons(text)

    /** Adds a reply button (1-3 per message, titles of 1-20 characters, unique); [payload] comes back on a tap. */
    fun button(title: String, payload: String? = null) {
        builder.button(title, payload)
    }

    /** Builds the message and checks it. */
    @PublishedApi
    internal fun build(): SessionMessage = finish(builder)
}

/**
 * Builds a `buttons` message: [text] (1-1024 characters) above 1-3 reply buttons.
 * ```
 * buttonsMessage("Was this helpful?") { button("Yes", payload = "yes"); button("No", payload = "no") }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the message breaks a rule
 */
inline fun buttonsMessage(text: String, block: ButtonsMessageScope.() -> Unit): SessionMessage {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return ButtonsMessageScope(text).apply(block).build()
}

/**
 * Sends a [buttonsMessage] to the chat [chatId].
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the message breaks a rule
 */
inline fun Texter.sendButtons(chatId: String, text: String, block: ButtonsMessageScope.() -> Unit): SendMessageResponse {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return sendMessage(chatId, buttonsMessage(text, block))
}

/** The sections of a [listMessage]. */
@TexterDsl
class ListMessageScope @PublishedApi internal constructor(text: String, button: String) : MessageScope() {
    private val builder: ListMessageBuilder = Messages.list(text, button)

    /** Adds a section (at most 10); its [title] (at most 24 characters) is required once there are two or more. */
    fun section(title: String? = null, block: SectionScope.() -> Unit) {
        builder.section(title) { section -> SectionScope(section).block() }
    }

    /** Builds the message and checks it. */
    @PublishedApi
    internal fun build(): SessionMessage = finish(builder)
}

/** The rows of one list section (at most 10 rows across all sections). */
@TexterDsl
class SectionScope internal constructor(private val section: ListMessageBuilder.Section) {
    /** Adds a row: [title] of 1-24 characters, [payload] of at most 200, [description] of at most 72. */
    fun row(title: String, payload: String? = null, description: String? = null) {
        section.row(title, payload, description)
    }
}

/**
 * Builds a `list` message: [text] (1-1024 characters) and a [button] (1-20 characters) that opens the list.
 * ```
 * listMessage("How can we help?", button = "Choose") {
 *     section("Support") { row("Technical issue", payload = "1") }
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the message breaks a rule
 */
inline fun listMessage(text: String, button: String, block: ListMessageScope.() -> Unit): SessionMessage {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return ListMessageScope(text, button).apply(block).build()
}

/**
 * Sends a [listMessage] to the chat [chatId].
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the message breaks a rule
 */
inline fun Texter.sendList(
    chatId: String,
    text: String,
    button: String,
    block: ListMessageScope.() -> Unit,
): SendMessageResponse {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return sendMessage(chatId, listMessage(text, button, block))
}

/** The files of a [mediaMessage]. */
@TexterDsl
class MediaMessageScope @PublishedApi internal constructor() : MessageScope() {
    private val builder: MediaMessageBuilder = Messages.media()

    /** Adds an image Texter downloads from [url]. */
    fun image(url: String, caption: String? = null) = add(OutgoingMediaType.IMAGE, url, null, caption, null)

    /** Adds a video Texter downloads from [url]. */
    fun video(url: String, caption: String? = null) = add(OutgoingMediaType.VIDEO, url, null, caption, null)

    /** Adds an audio file Texter downloads from [url] (no caption: WhatsApp shows none for audio). */
    fun audio(url: String) = add(OutgoingMediaType.AUDIO, url, null, null, null)

    /** Adds a document Texter downloads from [url], shown as [filename]. */
    fun document(url: String, filename: String? = null, caption: String? = null) =
        add(OutgoingMediaType.DOCUMENT, url, null, caption, filename)

    /** Adds a file already stored in Texter, by its [fileId]. */
    fun storedFile(mediaType: OutgoingMediaType, fileId: String, caption: String? = null) =
        add(mediaType, null, fileId, caption, null)

    private fun add(type: OutgoingMediaType, url: String?, fileId: String?, caption: String?, filename: String?) {
        builder.add(type) { item ->
            url?.let { item.url(it) }
            fileId?.let { item.fileId(it) }
            caption?.let { item.caption(it) }
            filename?.let { item.filename(it) }
        }
    }

    /** Builds the message and checks it. */
    @PublishedApi
    internal fun build(): SessionMessage = finish(builder)
}

/**
 * Builds a `media` message of 1-10 files: `mediaMessage { image("https://shop.example.com/a.png", caption = "A") }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the message breaks a rule
 */
inline fun mediaMessage(block: MediaMessageScope.() -> Unit): SessionMessage {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return MediaMessageScope().apply(block).build()
}

/**
 * Sends a [mediaMessage] to the chat [chatId].
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the message breaks a rule
 */
inline fun Texter.sendMedia(chatId: String, block: MediaMessageScope.() -> Unit): SendMessageResponse {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return sendMessage(chatId, mediaMessage(block))
}

/** The cards of a [contactsMessage]. */
@TexterDsl
class ContactsMessageScope @PublishedApi internal constructor() : MessageScope() {
    private val builder: ContactsMessageBuilder = Messages.contacts()

    /** Adds a card shown as [formattedName]. */
    fun contact(formattedName: String, block: ContactScope.() -> Unit = {}) {
        builder.contact(formattedName) { card -> ContactScope(card).block() }
    }

    /** Builds the message and checks it. */
    @PublishedApi
    internal fun build(): SessionMessage = finish(builder)
}

/** One contact card; labels (`type`) are free text such as CELL, HOME or WORK. */
@TexterDsl
class ContactScope internal constructor(private val card: ContactsMessageBuilder.Card) {
    /** The given and family name. */
    fun name(firstName: String?, lastName: String?) {
        card.name(firstName, lastName)
    }

    /** Adds a phone number. */
    fun phone(phone: String, type: String? = null) {
        card.phone(phone, type)
    }

    /** Adds an email address. */
    fun email(email: String, type: String? = null) {
        card.email(email, type)
    }

    /** Adds a web address. */
    fun url(url: String, type: String? = null) {
        card.url(url, type)
    }

    /** The organisation. */
    fun org(company: String? = null, department: String? = null, title: String? = null) {
        card.org(company, department, title)
    }

    /** The birthday as `YYYY-MM-DD`. */
    fun birthday(birthday: String) {
        card.birthday(birthday)
    }
}

/**
 * Builds a `contacts` message with one or more cards:
 * `contactsMessage { contact("Texter Support") { phone("+972586640430", type = "WORK") } }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the message breaks a rule
 */
inline fun contactsMessage(block: ContactsMessageScope.() -> Unit): SessionMessage {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return ContactsMessageScope().apply(block).build()
}

/**
 * Sends a [contactsMessage] to the chat [chatId].
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the message breaks a rule
 */
inline fun Texter.sendContacts(chatId: String, block: ContactsMessageScope.() -> Unit): SendMessageResponse {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return sendMessage(chatId, contactsMessage(block))
}

/** The optional details of a [locationMessage]. */
@TexterDsl
class LocationScope @PublishedApi internal constructor(latitude: Double, longitude: Double) : MessageScope() {
    private val builder: LocationMessageBuilder = Messages.location(latitude, longitude)

    /** The name of the place. */
    var name: String? = null

    /** The street address. */
    var address: String? = null

    /** A link with more about the place. */
    var url: String? = null

    /** Builds the message and checks it. */
    @PublishedApi
    internal fun build(): SessionMessage {
        name?.let { builder.name(it) }
        address?.let { builder.address(it) }
        url?.let { builder.url(it) }
        return finish(builder)
    }
}

/**
 * Builds a `location` message at [latitude] (-90..90) and [longitude] (-180..180):
 * `locationMessage(32.0853, 34.7818) { name = "Head Office" }`.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the message breaks a rule
 */
inline fun locationMessage(latitude: Double, longitude: Double, block: LocationScope.() -> Unit = {}): SessionMessage {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return LocationScope(latitude, longitude).apply(block).build()
}

/**
 * Sends a [locationMessage] to the chat [chatId].
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the message breaks a rule
 */
inline fun Texter.sendLocation(
    chatId: String,
    latitude: Double,
    longitude: Double,
    block: LocationScope.() -> Unit = {},
): SendMessageResponse {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return sendMessage(chatId, locationMessage(latitude, longitude, block))
}
