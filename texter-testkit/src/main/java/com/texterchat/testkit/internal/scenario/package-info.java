/**
 * The simulator's scenario engine: runs imported scenario documents (triggers, loaders, conditions, actions) against
 * simulated events. Not part of the public API.
 */
@NullMarked
package com.texterchat.testkit.internal.scenario;

import org.jspecify.annotations.NullMarked;
