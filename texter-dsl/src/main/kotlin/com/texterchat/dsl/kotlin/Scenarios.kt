@file:JvmName("KotlinScenarios")
@file:OptIn(ExperimentalContracts::class)

package com.texterchat.dsl.kotlin

import com.texterchat.Texter
import com.texterchat.client.webhook.WebhookSecret
import com.texterchat.dsl.scenario.DraftOperation
import com.texterchat.dsl.scenario.LoopPosition
import com.texterchat.dsl.scenario.ScenarioBuilder
import com.texterchat.dsl.scenario.ScenarioComponents
import com.texterchat.dsl.scenario.ScenarioValues
import com.texterchat.dsl.scenario.Scenarios
import com.texterchat.model.ImportSubscriptionRequest
import com.texterchat.model.Scenario
import com.texterchat.model.ScenarioComponent
import com.texterchat.model.ScenarioDocument
import com.texterchat.model.ScenarioLoader
import com.texterchat.model.SubscriptionImportStatus
import kotlin.contracts.ExperimentalContracts
import kotlin.contracts.InvocationKind
import kotlin.contracts.contract

/** `{"##provide": {"provider": provider, "key": key}}`: a value taken from the event or a loader. */
fun provide(provider: String, key: String): Map<String, Any> = ScenarioValues.provide(provider, key)

/** `%provider:key|transforms%`: a placeholder filled in inside a string. */
fun interpolate(provider: String, key: String, vararg transforms: String): String =
    ScenarioValues.interpolate(provider, key, *transforms)

/** The triggers, loaders, conditions and actions of a [scenario]. */
@TexterDsl
class ScenarioScope @PublishedApi internal constructor(private val builder: ScenarioBuilder) {
    /** The description shown in Texter. */
    var description: String? = null

    /** Runs the actions in parallel. */
    var unorderedActions: Boolean = false

    /** Adds trigger events, e.g. `domain.message.created`. */
    fun trigger(vararg events: String) {
        builder.trigger(*events)
    }

    /** Loaders run before the conditions. */
    fun beforeConditions(block: LoadersScope.() -> Unit = {}) {
        builder.beforeConditions(*LoadersScope().apply(block).loaders.toTypedArray())
    }

    /** Loaders run after the conditions passed. */
    fun afterConditions(block: LoadersScope.() -> Unit) {
        builder.afterConditions(*LoadersScope().apply(block).loaders.toTypedArray())
    }

    /** A condition group: the scenario runs when any group passes; a group passes when all its conditions do. */
    fun anyOf(block: ConditionGroupScope.() -> Unit) {
        val group = ConditionGroupScope().apply(block)
        builder.anyOf { g -> group.conditions.forEach { g.add(it) } }
    }

    /** Adds an action. */
    fun action(name: String, params: Map<String, Any?>) {
        builder.action(ScenarioComponents.component(name, params))
    }

    /** Adds a `request` action POSTing [data] as JSON to [url]. */
    fun request(url: String, data: Map<String, Any?>) {
        builder.action(ScenarioComponents.request(url, data))
    }

    /** Adds a parallel `foreach` loop over [input] (the document becomes version `v1.1`). */
    fun foreach(position: LoopPosition, `as`: String, input: Any, concurrency: Int) {
        builder.foreach(position, `as`, input, concurrency)
    }

    /** Tags of the scenario. */
    fun tags(vararg tags: String) {
        builder.tags(*tags)
    }

    /** Builds the document and checks it. */
    @PublishedApi
    internal fun build(): ScenarioDocument {
        description?.let { builder.description(it) }
        builder.unorderedActions(unorderedActions)
        return builder.build()
    }
}

/** Loaders at one position. */
@TexterDsl
class LoadersScope internal constructor() {
    internal val loaders = mutableListOf<ScenarioLoader>()

    /** Adds the loader [name], its data available under [alias]. */
    fun loader(name: String, alias: String, params: Map<String, Any?> = emptyMap()) {
        loaders += ScenarioComponents.loader(name, alias, params)
    }
}

/** The conditions of one AND-group. */
@TexterDsl
class ConditionGroupScope internal constructor() {
    internal val conditions = mutableListOf<ScenarioComponent>()

    /** A `filtrex` condition over [value], e.g. `filtrex("direction == \"incoming\"", provide("message", "message"))`. */
    fun filtrex(expression: String, value: Any) {
        conditions += ScenarioComponents.filtrex(expression, value)
    }

    /** A `compare` condition. */
    fun compare(comparison: ScenarioComponents.Comparison, compareTo: Any, value: Any) {
        conditions += ScenarioComponents.compare(comparison, compareTo, value)
    }

    /** Any other condition. */
    fun condition(name: String, params: Map<String, Any?>) {
        conditions += ScenarioComponents.component(name, params)
    }
}

/**
 * Builds a scenario document (the `data` of an import), e.g. a webhook subscription:
 * ```
 * scenario("(SUB) New Incoming Messages") {
 *     trigger("domain.message.created")
 *     afterConditions { loader("chat", alias = "chat", params = mapOf("id" to provide("message", "parent_chat"))) }
 *     anyOf { filtrex("direction == \"incoming\"", provide("message", "message")) }
 *     request("https://crm.example.com/hook", mapOf("eventName" to "newIncomingMessage"))
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the document breaks a rule
 */
inline fun scenario(name: String, block: ScenarioScope.() -> Unit): ScenarioDocument {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return ScenarioScope(Scenarios.scenario(name)).apply(block).build()
}

/**
 * Builds an Import Subscription body for the [scenario] named [name], saved as [status] (delivering at once when
 * [SubscriptionImportStatus.ACTIVE], the default) and attributed to [authorUid] (automatic when `null`). With a
 * [secret], every `request` action sends it in the header `X-Texter-Webhook-Secret`, for a `TexterWebhookReceiver`
 * to check (see `SubscriptionImport.withSecret`). The ready-made subscriptions of `WebhookSubscriptions` cover the
 * common events.
 *
 * @throws com.texterchat.dsl.InvalidRequestException when the body breaks a rule
 * @throws IllegalStateException when a [secret] is given but the document has no `request` action to carry it
 */
inline fun subscriptionImport(
    name: String,
    status: SubscriptionImportStatus = SubscriptionImportStatus.ACTIVE,
    authorUid: String? = null,
    secret: WebhookSecret? = null,
    block: ScenarioScope.() -> Unit,
): ImportSubscriptionRequest {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    var subscription = Scenarios.importOf(scenario(name, block)).asStatus(status)
    authorUid?.let { subscription = subscription.authorUid(it) }
    secret?.let { subscription = subscription.withSecret(it) }
    return subscription.build()
}

/**
 * Imports a webhook subscription defined in place (Import Subscription), as [subscriptionImport] builds it:
 * ```
 * texter.importSubscription("(SUB) Chats resolved") {
 *     trigger("domain.chat.status")
 *     anyOf { filtrex("status == 3", provide("chat", "chat")) }
 *     request("https://crm.example.com/texter/webhook", mapOf("eventName" to "chatResolved"))
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when the body breaks a rule
 * @throws IllegalStateException before any request, when a [secret] is given but no `request` action carries it
 */
inline fun Texter.importSubscription(
    name: String,
    status: SubscriptionImportStatus = SubscriptionImportStatus.ACTIVE,
    authorUid: String? = null,
    secret: WebhookSecret? = null,
    block: ScenarioScope.() -> Unit,
): Scenario {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return importSubscription(subscriptionImport(name, status, authorUid, secret, block))
}

/** Collects Update Draft operations: `+DraftOperation.rename("New name")`, or [add]. */
@TexterDsl
class DraftOperationsScope @PublishedApi internal constructor() {
    /** The operations added so far, in order. */
    @PublishedApi
    internal val operations: MutableList<DraftOperation> = mutableListOf()

    /** Adds an operation. */
    operator fun DraftOperation.unaryPlus() {
        operations += this
    }

    /** Adds an operation. */
    fun add(operation: DraftOperation) {
        operations += operation
    }
}

/** Builds the operations of an Update Draft body, in order: `draftOperations { +DraftOperation.rename("VIP") }`. */
inline fun draftOperations(block: DraftOperationsScope.() -> Unit): List<DraftOperation> {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return DraftOperationsScope().apply(block).operations.toList()
}

/**
 * Applies [draftOperations] to the draft of the scenario [scenarioId] (Update Draft), without publishing it.
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when [scenarioId] is blank
 */
inline fun Texter.editDraft(scenarioId: String, block: DraftOperationsScope.() -> Unit): Scenario {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return editDraft(scenarioId, draftOperations(block))
}

/**
 * Applies [draftOperations] to the draft of the scenario [scenarioId] and publishes it as a new revision with
 * [revisionComment]:
 * ```
 * texter.editAndPublishDraft(scenarioId, revisionComment = "VIP only") {
 *     +DraftOperation.addCondition(0, "filtrex", mapOf("expression" to "inArray(labels, \"VIP\")"))
 * }
 * ```
 *
 * @throws com.texterchat.dsl.InvalidRequestException before any request, when [scenarioId] is blank
 * @throws com.texterchat.dsl.TexterWorkflowException when a call fails, naming the step
 */
inline fun Texter.editAndPublishDraft(
    scenarioId: String,
    revisionComment: String? = null,
    block: DraftOperationsScope.() -> Unit,
): Scenario {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    return editAndPublishDraft(scenarioId, draftOperations(block), revisionComment)
}
