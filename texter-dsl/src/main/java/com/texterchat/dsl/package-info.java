/**
 * Hand-written, idiomatic Java DSL for the Texter API, layered on top of the generated client
 * in {@code com.texterchat.generated}.
 */
package com.texterchat.dsl;
