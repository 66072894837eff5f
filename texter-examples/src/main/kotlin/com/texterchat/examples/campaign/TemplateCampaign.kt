package com.texterchat.examples.campaign

import com.texterchat.Texter
import com.texterchat.api.TemplatesApi
import com.texterchat.client.error.TexterException
import com.texterchat.client.error.TexterIoException
import com.texterchat.client.error.TexterOperationFailedException
import com.texterchat.dsl.TemplateSubmission
import com.texterchat.dsl.kotlin.asSequence
import com.texterchat.dsl.kotlin.newTemplate
import com.texterchat.dsl.kotlin.sendTemplate
import com.texterchat.dsl.template.NewTemplate
import com.texterchat.examples.chats.CustomerChats
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.Template
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateLocalizationStatus
import com.texterchat.model.TemplateUsage

/**
 * A template campaign on one WhatsApp business number: define the "order shipped" template with the Kotlin DSL,
 * create, localize and submit it for WhatsApp's approval ([Texter.createAndSubmitTemplate]), and once WhatsApp
 * approved it, send it to a list of numbers with each customer's order in its variables (Send Template Message).
 *
 * The client absorbs Texter's rate limits: a 429 is waited out and the send repeated, which is safe because Texter
 * did not process it. Recipients who unsubscribed from templates are refused by Texter with HTTP 200 and
 * `success: false`, which the client turns into a [TexterOperationFailedException]; the campaign skips them and
 * reports who they were. A send that got no answer may have gone out, so it is reported and never repeated.
 *
 * ```
 * val campaign = TemplateCampaign(texter, accountId = "972509876543")
 * val report = campaign.run(listOf("972500000001", "972500000002"))
 *     ?: return // WhatsApp has not approved the template yet: run again later
 * println(report.summary())
 * ```
 *
 * [run] is safe to repeat: a template that exists already is reused, so a run after WhatsApp's approval sends.
 *
 * @param texter the Texter to call
 * @param accountId the WhatsApp business number that owns the template and sends it
 */
class TemplateCampaign(private val texter: Texter, val accountId: String) {

    /**
     * The whole campaign: reuse the template or create and submit it, then, when WhatsApp approved it, send it to
     * every recipient.
     *
     * @param recipients the numbers to send to, each once
     * @return who got it and who did not; `null` while WhatsApp has not approved the template
     */
    fun run(recipients: List<String>): CampaignReport? {
        val status = findTemplate()?.let(::statusOf) ?: statusOf(submitTemplate().template())
        return if (status == TemplateLocalizationStatus.APPROVED) send(recipients) else null
    }

    /**
     * The campaign's template on [accountId] in any status (List All Templates with `includeAll`: without it Texter
     * lists approved templates only, and a run while WhatsApp reviews would create the template again), or `null`
     * when it does not exist yet.
     */
    fun findTemplate(): Template? =
        texter.templates().listTemplates(TemplatesApi.ListTemplatesQueryParams().accountId(accountId).includeAll(true))
            .firstOrNull { it.name == TEMPLATE_NAME }

    /** Creates the template on [accountId], adds its [LANGUAGE] localization and submits it to WhatsApp. */
    fun submitTemplate(): TemplateSubmission = texter.createAndSubmitTemplate(accountId, orderShipped())

    /** Up to [limit] numbers that unsubscribed from templates on [accountId] (List Unsubscribed Users, all pages). */
    fun unsubscribed(limit: Int): List<String> =
        texter.paging().listUnsubscribedUsersByAccount(accountId).asSequence().take(limit).map { it.phone }.toList()

    /** Sends the template to each recipient in turn ([sendTo]); never sends to one twice. */
    fun send(recipients: List<String>): CampaignReport {
        val report = CampaignReport()
        for (recipient in recipients.distinctBy { CustomerChats.digits(it) }) {
            report.add(sendTo(recipient))
        }
        return report
    }

    /**
     * Sends the template to one number, with the customer's latest order ([OrderBook]) in its body.
     *
     * @param recipient the number, digits optionally with `+`, spaces or dashes (sent as digits only)
     * @return what happened; Texter's refusals and errors are outcomes, not exceptions
     */
    fun sendTo(recipient: String): SendOutcome {
        val digits = CustomerChats.digits(recipient)
        val phone = "+$digits"
        val order = OrderBook.latestOrder(digits)
        return try {
            val sent = texter.sendTemplate(TEMPLATE_NAME, to = digits) {
                from = accountId
                language = LANGUAGE
                body(order.firstName, order.number)
            }
            SendOutcome.Sent(phone, sent.messageId)
        } catch (e: TexterOperationFailedException) {
            // HTTP 200 with success: false; Texter refuses recipients who unsubscribed from templates.
            if (e.error().contains("unsubscribed", ignoreCase = true)) SendOutcome.Unsubscribed(phone, e.error())
            else SendOutcome.Refused(phone, e.error())
        } catch (e: TexterIoException) {
            // The request may have reached Texter: do not send again blindly, check the chat first.
            SendOutcome.Uncertain(phone, e.message.orEmpty())
        } catch (e: TexterException) {
            SendOutcome.Failed(phone, e.message.orEmpty())
        }
    }

    override fun toString(): String = "TemplateCampaign[$accountId, $texter]"

    companion object {
        /** The template's name; the same on every run, so the campaign reuses it. */
        const val TEMPLATE_NAME = "sdk_tour_order_shipped"

        /** The one language of the template. */
        const val LANGUAGE = "en"

        /** The template, defined with the Kotlin DSL. The DSL checks WhatsApp's rules before anything is sent. */
        @JvmStatic
        fun orderShipped(): NewTemplate =
            newTemplate("Order shipped", TemplateCategory.UTILITY, TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
                name = TEMPLATE_NAME
                replyText = "Thanks! An agent will get back to you shortly."
                localization(LANGUAGE) {
                    body("Hi {{1}}, your order {{2}} has shipped and arrives within 2 days.", "John", "A-1001")
                    footer("Reply STOP to opt out")
                    urlButton("Track your order", "https://shop.example.com/orders")
                }
            }

        /** The status of the template's [LANGUAGE] localization, or null when Texter reports none. */
        @JvmStatic
        fun statusOf(template: Template): TemplateLocalizationStatus? =
            template.providerTemplate?.localizations?.firstOrNull { it.language == LANGUAGE }?.status
    }
}

/** What happened to the template sent to one recipient. */
sealed class SendOutcome {
    /** The recipient, `+` and digits. */
    abstract val phone: String

    /** Texter accepted it; [messageId] is the WhatsApp message. */
    data class Sent(override val phone: String, val messageId: String?) : SendOutcome()

    /** Texter refused it: the recipient unsubscribed from templates ([error] says since when). */
    data class Unsubscribed(override val phone: String, val error: String) : SendOutcome()

    /** Texter refused it for another reason (`success: false`). */
    data class Refused(override val phone: String, val error: String) : SendOutcome()

    /** Texter answered with an error: nothing was sent. */
    data class Failed(override val phone: String, val message: String) : SendOutcome()

    /** No answer: it may or may not have gone out. Check the chat before sending again. */
    data class Uncertain(override val phone: String, val message: String) : SendOutcome()
}

/** Who got the campaign and who did not, and why. */
class CampaignReport {
    /** Recipients the template was sent to. */
    val sent = mutableListOf<String>()

    /** Recipients Texter refused because they unsubscribed from templates. */
    val unsubscribed = mutableListOf<String>()

    /** Recipients Texter refused for another reason (`success: false`). */
    val refused = mutableListOf<String>()

    /** Recipients whose send failed with an error answer (nothing was sent). */
    val failed = mutableListOf<String>()

    /** Recipients whose send may or may not have gone out (no answer); not retried. */
    val uncertain = mutableListOf<String>()

    /** Files [outcome] under its recipient's list. */
    fun add(outcome: SendOutcome) {
        when (outcome) {
            is SendOutcome.Sent -> sent
            is SendOutcome.Unsubscribed -> unsubscribed
            is SendOutcome.Refused -> refused
            is SendOutcome.Failed -> failed
            is SendOutcome.Uncertain -> uncertain
        }.add(outcome.phone)
    }

    /** One line: counts, and who was skipped. */
    fun summary(): String = buildString {
        append("${sent.size} sent, ${unsubscribed.size} skipped because they unsubscribed")
        if (unsubscribed.isNotEmpty()) append(" (${unsubscribed.joinToString()})")
        if (refused.isNotEmpty()) append(", ${refused.size} refused (${refused.joinToString()})")
        append(", ${failed.size} failed")
        if (failed.isNotEmpty()) append(" (${failed.joinToString()})")
        if (uncertain.isNotEmpty()) {
            append(", ${uncertain.size} unknown (${uncertain.joinToString()}): check before resending")
        }
    }

    override fun toString(): String = "CampaignReport[${summary()}]"
}

/** The shop's orders: what the campaign puts into the template's variables. A stand-in, keyed by phone number. */
object OrderBook {
    private val firstNames = listOf("John", "Dana", "Roy", "Maya", "Noa", "Eli")

    /** A customer's latest order. */
    data class Order(val firstName: String, val number: String)

    /** The latest order of the customer with this phone number (deterministic, for the tour). */
    @JvmStatic
    fun latestOrder(phone: String): Order {
        val digits = CustomerChats.digits(phone)
        return Order(firstNames[Math.floorMod(digits.hashCode(), firstNames.size)], "A-" + digits.takeLast(4))
    }
}
