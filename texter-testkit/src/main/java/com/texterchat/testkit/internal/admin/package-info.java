/**
 * The simulator's admin HTTP endpoints under {@code /__texter} (simulated events, state dump, deliveries, reset,
 * clock) and the standalone simulator's start-up. Not part of the public API;
 * {@link com.texterchat.testkit.standalone.TexterStandalone} is.
 */
@NullMarked
package com.texterchat.testkit.internal.admin;

import org.jspecify.annotations.NullMarked;
