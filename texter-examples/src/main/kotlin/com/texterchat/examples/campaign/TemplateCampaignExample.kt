package com.texterchat.examples.campaign

import com.texterchat.client.error.TexterException
import com.texterchat.client.error.TexterIoException
import com.texterchat.client.error.TexterOperationFailedException
import com.texterchat.Texter
import com.texterchat.dsl.kotlin.newTemplate
import com.texterchat.dsl.kotlin.sendTemplate
import com.texterchat.dsl.template.NewTemplate
import com.texterchat.examples.TexterTour
import com.texterchat.examples.chats.CustomerChats
import com.texterchat.examples.tour.EmbeddedTexter
import com.texterchat.examples.tour.Example
import com.texterchat.examples.tour.Steps
import com.texterchat.examples.tour.TourContext
import com.texterchat.api.TemplatesApi
import com.texterchat.model.ProviderTemplate
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.Template
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateLocalization
import com.texterchat.model.TemplateLocalizationStatus
import com.texterchat.model.TemplateUsage
import java.time.Duration

/**
 * A template campaign, in Kotlin: define a template with the Kotlin DSL, create -> localize -> submit it through the
 * [Texter] façade, and once WhatsApp approved it, send it to a list of numbers. The client absorbs Texter's rate
 * limits (a 429 is waited out and the send repeated, which is safe because Texter did not process it); recipients
 * who unsubscribed from templates are refused by Texter with HTTP 200 and `success: false`, which the client turns
 * into a [TexterOperationFailedException]; the campaign skips them and reports who they were.
 *
 * The example is safe to run again: a template that exists already is reused, so a second run after WhatsApp's
 * approval sends the campaign.
 *
 * Run it alone with `--only campaign`, or through [main].
 */
class TemplateCampaignExample : Example {

    override fun info() = Example.Info("campaign", "Template campaign", "Kotlin",
        "define a template, create -> localize -> submit, send it to a list, report who unsubscribed")

    override fun run(context: TourContext) {
        val steps = context.steps()
        val texter = context.texter()
        val accountId = context.targets().accountId()
        if (accountId == null) {
            steps.skip("Run the campaign", "no WhatsApp business number known: set TEXTER_TOUR_ACCOUNT_ID")
            return
        }

        val template = steps.step("Define the template $TEMPLATE_NAME with the Kotlin DSL (checked before sending)",
            { orderShipped() }) { describe(it) }

        val existing = steps.step("Look for $TEMPLATE_NAME on $accountId (List All Templates)", {
            texter.client().templates()
                .listTemplates(TemplatesApi.ListTemplatesQueryParams().accountId(accountId))
                .firstOrNull { it.name == TEMPLATE_NAME }
        }) { found -> found?.let { "found, $LANGUAGE is ${statusOf(it)}: reusing it" } ?: "not there yet" }

        val status: TemplateLocalizationStatus? = if (existing != null) {
            statusOf(existing)
        } else {
            steps.write("Create, localize ($LANGUAGE) and submit it (Texter.createAndSubmitTemplate)", {
                texter.createAndSubmitTemplate(accountId, template)
            }) {
                "created ${it.templateName()}, submitted ${it.submittedLanguages()}, " +
                    "$LANGUAGE is ${statusOf(it.template())}"
            }
                .map { statusOf(it.template()) }
                .orElse(null)
        }

        steps.step("Who opted out of templates on $accountId (List Unsubscribed Users, client paging)", {
            texter.client().paging().unsubscribedUsers(accountId).stream().limit(5).map { it.phone }.toList()
        }) { if (it.isEmpty()) "nobody" else it.joinToString(", ") + if (it.size == 5) ", ..." else "" }

        val recipients = context.targets().recipients()
        val title = "Send $TEMPLATE_NAME to ${recipients.size} recipients (Send Template Message)"
        when {
            recipients.isEmpty() ->
                steps.skip(title, "no recipients: set TEXTER_TOUR_RECIPIENTS (or TEXTER_TOUR_PHONE)")
            status != TemplateLocalizationStatus.APPROVED -> steps.skip(title, "WhatsApp has not approved $LANGUAGE yet"
                    + " (status ${status ?: "unknown"}); run the tour again once it has")
            else -> steps.write(title, { send(texter, recipients, steps.progress(recipients.size)) }) { it.summary() }
        }
    }

    /**
     * The embedded Texter: one recipient unsubscribed, a rate limit on the first send, and templates approved as soon
     * as they are submitted (WhatsApp takes minutes to hours).
     */
    override fun prepareEmbedded(texter: EmbeddedTexter): String {
        val server = texter.server()
        val unsubscribed = EmbeddedTexter.RECIPIENTS[2]
        server.stubs().recipientUnsubscribed(unsubscribed)
        server.fault("sendTemplateMessage").times(1).rateLimited(Duration.ofSeconds(1))
        server.stubs().answer("createTemplate", embeddedTemplate(null))
        server.stubs().answer("upsertTemplateLocalization", embeddedTemplate(TemplateLocalizationStatus.NEW))
        server.stubs().answer("submitTemplateLocalization", embeddedTemplate(TemplateLocalizationStatus.APPROVED))
        return "+$unsubscribed unsubscribed from templates; the first Send Template Message answers 429 with" +
            " Retry-After: 1 s; submitted templates are approved at once"
    }

    private fun embeddedTemplate(status: TemplateLocalizationStatus?): Template =
        Template().id("6a1000000000000000000001").name(TEMPLATE_NAME).title("Order shipped").usage(TemplateUsage.INBOX)
            .providerTemplate(ProviderTemplate().name(TEMPLATE_NAME).category(TemplateCategory.UTILITY).localizations(
                if (status == null) emptyList() else listOf(TemplateLocalization().language(LANGUAGE).status(status))))

    /** Sends the template to each recipient, one after the other; never sends one twice. */
    private fun send(texter: Texter, recipients: List<String>, progress: Steps.Progress): CampaignReport {
        val report = CampaignReport()
        for (recipient in recipients) {
            val phone = "+" + CustomerChats.digits(recipient)
            progress.begin(phone)
            val order = OrderBook.latestOrder(recipient)
            try {
                val sent = texter.sendTemplate(TEMPLATE_NAME, to = recipient) {
                    language = LANGUAGE
                    body(order.firstName, order.number)
                }
                report.sent += phone
                progress.end("sent (message ${sent.messageId})")
            } catch (e: TexterOperationFailedException) {
                // HTTP 200 with success: false; Texter refuses recipients who unsubscribed from templates.
                val unsubscribed = e.error().contains("unsubscribed", ignoreCase = true)
                (if (unsubscribed) report.unsubscribed else report.refused).add(phone)
                progress.end("skipped: ${e.error()}")
            } catch (e: TexterIoException) {
                // The request may have reached Texter: do not send again blindly, check the chat first.
                report.uncertain += phone
                progress.end("unknown, not retried: ${e.message}")
            } catch (e: TexterException) {
                report.failed += phone
                progress.end("failed: ${e.message}")
            }
        }
        return report
    }

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

        private fun describe(template: NewTemplate): String {
            val request = template.request()
            return "${request.category}, ${template.localizations().size} language(s): " +
                template.localizations().joinToString { it.language }
        }

        /**
         * Runs this example alone, like `TexterTour --only campaign`.
         *
         * @param args further tour arguments, e.g. `--allow-sends`
         */
        @JvmStatic
        fun main(args: Array<String>) {
            TexterTour.main(TexterTour.only("campaign", args))
        }
    }
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
