/**
 * The Texter DSL: validated builders for every request body a Texter integration writes by hand, used by
 * the flows of {@link com.texterchat.Texter}, the SDK's one entry object.
 *
 * <p>Builders live in the sub-packages ({@code message}, {@code template}, {@code quickreply},
 * {@code scenario}) and produce the models generated from {@code openapi.json}
 * ({@code com.texterchat.model}), so they follow the spec when it is regenerated. Every builder
 * checks its input in {@code build()}, before any HTTP call, and reports a broken rule as an
 * {@link com.texterchat.dsl.InvalidRequestException} that names the field and the limit.
 *
 * <p>All packages of this module are {@link org.jspecify.annotations.NullMarked}: parameters and return
 * values are non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.texterchat.dsl;

import org.jspecify.annotations.NullMarked;
