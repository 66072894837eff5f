@file:JvmName("KotlinScenarios")

package com.texterchat.dsl.kotlin

import com.texterchat.dsl.scenario.DraftOperation
import com.texterchat.dsl.scenario.LoopPosition
import com.texterchat.dsl.scenario.ScenarioBuilder
import com.texterchat.dsl.scenario.ScenarioComponents
import com.texterchat.dsl.scenario.ScenarioValues
import com.texterchat.dsl.scenario.Scenarios
import com.texterchat.model.ScenarioComponent
import com.texterchat.model.ScenarioDocument
import com.texterchat.model.ScenarioLoader

/** `{"##provide": {"provider": provider, "key": key}}`: a value taken from the event or a loader. */
fun provide(provider: String, key: String): Map<String, Any> = ScenarioValues.provide(provider, key)

/** `%provider:key|transforms%`: a placeholder filled in inside a string. */
fun interpolate(provider: String, key: String, vararg transforms: String): String =
    ScenarioValues.interpolate(provider, key, *transforms)

/** The body of [scenario]. */
@TexterDsl
class ScenarioScope internal constructor(private val builder: ScenarioBuilder) {
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
 * A scenario document:
 * ```
 * scenario("(SUB) New Incoming Messages") {
 *     trigger("domain.message.created")
 *     afterConditions { loader("chat", alias = "chat", params = mapOf("id" to provide("message", "parent_chat"))) }
 *     anyOf { filtrex("direction == \"incoming\"", provide("message", "message")) }
 *     request("https://crm.example.com/hook", mapOf("eventName" to "newIncomingMessage"))
 * }
 * ```
 */
fun scenario(name: String, block: ScenarioScope.() -> Unit): ScenarioDocument =
    ScenarioScope(Scenarios.scenario(name)).apply(block).build()

/** Collects Update Draft operations: `draftOperations { +DraftOperation.rename("New name") }`. */
@TexterDsl
class DraftOperationsScope internal constructor() {
    internal val operations = mutableListOf<DraftOperation>()

    /** Adds an operation. */
    operator fun DraftOperation.unaryPlus() {
        operations += this
    }
}

/** The operations of an Update Draft body, in order. */
fun draftOperations(block: DraftOperationsScope.() -> Unit): List<DraftOperation> =
    DraftOperationsScope().apply(block).operations.toList()
