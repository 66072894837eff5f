package com.texterchat.dsl.nullness

import com.texterchat.client.TexterClient
import com.texterchat.client.error.TexterHttpException
import com.texterchat.client.paging.Paged
import com.texterchat.client.webhook.WebhookEvent
import com.texterchat.model.Chat
import com.texterchat.model.Label
import com.texterchat.model.Message
import com.texterchat.model.Problem
import com.texterchat.model.QuickReply
import com.texterchat.model.Scenario
import com.texterchat.model.ScenarioRun
import com.texterchat.model.Template
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import kotlin.reflect.KType
import kotlin.reflect.typeOf

/**
 * What Kotlin makes of the Java API's nullness annotations: the type the compiler gives an expression, as [typeOf]
 * records it. Java without annotations Kotlin reads gives a platform type (`String!`), which Kotlin lets through
 * unchecked either way; an annotated one gives `String` or `String?`.
 */
class KotlinNullnessTest {

    @Test
    fun `properties Texter always returns are non-null`() {
        val chat = Chat().id("67bf11038b24880cc966f799")
        val message = Message().id("69062b15962e17ab3033f886")

        // No !! needed: the generated getters say non-null.
        val chatId: String = chat.id
        val messageId: String = message.id

        assertThat(chatId).isEqualTo("67bf11038b24880cc966f799")
        assertThat(messageId).isEqualTo("69062b15962e17ab3033f886")
        assertThat(nullnessOf(chat.id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(message.id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(Label().id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(Template().id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(Template().name)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(QuickReply().id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(Scenario().id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(ScenarioRun().id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(ScenarioRun().scenarioId)).isEqualTo(Nullness.NON_NULL)
        val problem = Problem()
        assertThat(nullnessOf(problem.id)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(problem.channel)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(problem.severity)).isEqualTo(Nullness.NON_NULL)
        assertThat(nullnessOf(problem.createdAt)).isEqualTo(Nullness.NON_NULL)
    }

    @Test
    fun `properties Texter may omit are nullable`() {
        val chat = Chat()

        assertThat(nullnessOf(chat.title)).isEqualTo(Nullness.NULLABLE)
        assertThat(nullnessOf(chat.displayName)).isEqualTo(Nullness.NULLABLE)
        assertThat(nullnessOf(chat.channelInfo)).isEqualTo(Nullness.NULLABLE)
        assertThat(nullnessOf(Message().timestamp)).isEqualTo(Nullness.NULLABLE)
        assertThat(nullnessOf(Problem().resolvedAt)).isEqualTo(Nullness.NULLABLE)
        // Setting a property to null stays possible where the schema allows leaving it out.
        assertThat(Chat().title(null).title).isNull()
    }

    @Test
    fun `the client runtime has no platform types`() {
        assertThat(returnNullness(TexterClient::chats)).isEqualTo(Nullness.NON_NULL)
        assertThat(returnNullness(TexterClient::paging)).isEqualTo(Nullness.NON_NULL)
        assertThat(returnNullness(TexterHttpException::responseJson)).isEqualTo(Nullness.NULLABLE)
        assertThat(returnNullness(TexterHttpException::responseBody)).isEqualTo(Nullness.NON_NULL)
        assertThat(returnNullness(Paged<Chat>::stream)).isEqualTo(Nullness.NON_NULL)
        val extras = typeOfReturn(WebhookEvent::extras)
        assertThat(nullness(extras)).isEqualTo(Nullness.NON_NULL)
        assertThat(extras.arguments.map { nullness(it.type!!) }).containsExactly(Nullness.NON_NULL, Nullness.NULLABLE)
    }

    enum class Nullness { NON_NULL, NULLABLE, PLATFORM }

    private fun nullness(type: KType): Nullness = when {
        // without kotlin-reflect a KType prints e.g. "java.lang.String! (Kotlin reflection is not available)"
        type.toString().substringBefore(' ').substringBefore('<').endsWith("!") -> Nullness.PLATFORM
        type.isMarkedNullable -> Nullness.NULLABLE
        else -> Nullness.NON_NULL
    }

    private inline fun <reified T> nullnessOf(@Suppress("UNUSED_PARAMETER") value: T): Nullness = nullness(typeOf<T>())

    private inline fun <reified F : Function<*>> typeOfReturn(@Suppress("UNUSED_PARAMETER") function: F): KType =
        typeOf<F>().arguments.last().type!!

    private inline fun <reified F : Function<*>> returnNullness(function: F): Nullness = nullness(typeOfReturn(function))
}
