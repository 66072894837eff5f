package com.texterchat.dsl.kotlin

/**
 * Marks the receivers of the Kotlin builders, so that inside a nested block only that block's functions are in
 * scope: a `row(...)` inside `section { }` cannot reach the enclosing list by accident.
 */
@DslMarker
@Target(AnnotationTarget.CLASS)
annotation class TexterDsl
