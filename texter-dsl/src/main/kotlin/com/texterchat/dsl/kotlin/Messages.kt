@file:JvmName("KotlinMessages")

package com.texterchat.dsl.kotlin

import com.texterchat.dsl.message.ContactsMessageBuilder
import com.texterchat.dsl.message.MessageBuilder
import com.texterchat.dsl.message.Messages
import com.texterchat.model.OutgoingMediaType
import com.texterchat.model.SessionMessage

/**
 * Options every session message has: reply to an earlier message ([context], its provider ID `wamid...`) and
 * your own correlation ID ([tmpSendId]).
 */
@TexterDsl
open class MessageScope internal constructor() {
    /** Provider ID (`wamid...`) of the message this one replies to. */
    var context: String? = null

    /** Your own ID for the message, to match it with the stored message later. */
    var tmpSendId: String? = null

    internal fun <B : MessageBuilder<B>> finish(builder: B): SessionMessage {
        context?.let { builder.context(it) }
        tmpSendId?.let { builder.tmpSendId(it) }
        return builder.build()
    }
}

/** A `text` message of 1-4096 characters. */
fun textMessage(text: String, block: MessageScope.() -> Unit = {}): SessionMessage =
    MessageScope().apply(block).let { it.finish(Messages.text(text)) }

/** The body of a [buttonsMessage]. */
@TexterDsl
class ButtonsMessageScope internal constructor() : MessageScope() {
    /** The text above the buttons (1-1024 characters). */
    var text: String = ""
    private val buttons = mutableListOf<Pair<String, String?>>()

    /** Adds a reply button (1-3 per message, titles of at most 20 characters, unique). */
    fun button(title: String, payload: String? = null) {
        buttons += title to payload
    }

    internal fun build(): SessionMessage {
        val builder = Messages.buttons(text)
        buttons.forEach { (title, payload) -> builder.button(title, payload) }
        return finish(builder)
    }
}

/** A `buttons` message: `buttonsMessage { text = "Was this helpful?"; button("Yes", payload = "yes") }`. */
fun buttonsMessage(block: ButtonsMessageScope.() -> Unit): SessionMessage = ButtonsMessageScope().apply(block).build()

/** The body of a [listMessage]. */
@TexterDsl
class ListMessageScope internal constructor() : MessageScope() {
    /** The text of the message (1-1024 characters). */
    var text: String = ""

    /** The label of the button that opens the list (1-20 characters). */
    var button: String = ""
    private val sections = mutableListOf<Pair<String?, SectionScope>>()

    /** Adds a section; its title is required once there are two sections or more. */
    fun section(title: String? = null, block: SectionScope.() -> Unit) {
        sections += title to SectionScope().apply(block)
    }

    internal fun build(): SessionMessage {
        val builder = Messages.list(text, button)
        sections.forEach { (title, scope) -> builder.section(title) { s -> scope.rows.forEach { it(s) } } }
        return finish(builder)
    }
}

/** The rows of one list section (at most 10 rows across all sections). */
@TexterDsl
class SectionScope internal constructor() {
    internal val rows = mutableListOf<(com.texterchat.dsl.message.ListMessageBuilder.Section) -> Unit>()

    /** Adds a row: title of at most 24 characters, payload of at most 200, description of at most 72. */
    fun row(title: String, payload: String? = null, description: String? = null) {
        rows += { it.row(title, payload, description) }
    }
}

/**
 * A `list` message:
 * ```
 * listMessage {
 *     text = "How can we help?"; button = "Choose"
 *     section("Support") { row("Technical issue", payload = "1") }
 * }
 * ```
 */
fun listMessage(block: ListMessageScope.() -> Unit): SessionMessage = ListMessageScope().apply(block).build()

/** The files of a [mediaMessage]. */
@TexterDsl
class MediaMessageScope internal constructor() : MessageScope() {
    private val builder = Messages.media()

    /** Adds an image Texter downloads from [url]. */
    fun image(url: String, caption: String? = null) = add(OutgoingMediaType.IMAGE, url, null, caption, null)

    /** Adds a video Texter downloads from [url]. */
    fun video(url: String, caption: String? = null) = add(OutgoingMediaType.VIDEO, url, null, caption, null)

    /** Adds an audio file Texter downloads from [url] (no caption: WhatsApp shows none for audio). */
    fun audio(url: String) = add(OutgoingMediaType.AUDIO, url, null, null, null)

    /** Adds a document Texter downloads from [url], shown as [filename]. */
    fun document(url: String, filename: String? = null, caption: String? = null) =
        add(OutgoingMediaType.DOCUMENT, url, null, caption, filename)

    /** Adds a file already stored in Texter. */
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

    internal fun build(): SessionMessage = finish(builder)
}

/** A `media` message of 1-10 files. */
fun mediaMessage(block: MediaMessageScope.() -> Unit): SessionMessage = MediaMessageScope().apply(block).build()

/** The cards of a [contactsMessage]. */
@TexterDsl
class ContactsMessageScope internal constructor() : MessageScope() {
    private val builder = Messages.contacts()

    /** Adds a card shown as [formattedName]. */
    fun contact(formattedName: String, block: ContactScope.() -> Unit = {}) {
        builder.contact(formattedName) { card -> ContactScope(card).block() }
    }

    internal fun build(): SessionMessage = finish(builder)
}

/** One contact card; labels ([type]) are free text such as CELL, HOME or WORK. */
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

/** A `contacts` message with one or more cards. */
fun contactsMessage(block: ContactsMessageScope.() -> Unit): SessionMessage = ContactsMessageScope().apply(block).build()

/** The details of a [locationMessage]. */
@TexterDsl
class LocationScope internal constructor() : MessageScope() {
    /** The name of the place. */
    var name: String? = null

    /** The street address. */
    var address: String? = null

    /** A link with more about the place. */
    var url: String? = null
}

/** A `location` message at [latitude] (-90..90) and [longitude] (-180..180). */
fun locationMessage(latitude: Double, longitude: Double, block: LocationScope.() -> Unit = {}): SessionMessage {
    val scope = LocationScope().apply(block)
    val builder = Messages.location(latitude, longitude)
    scope.name?.let { builder.name(it) }
    scope.address?.let { builder.address(it) }
    scope.url?.let { builder.url(it) }
    return scope.finish(builder)
}
