/**
 * The simulator's in-memory Texter project and the WireMock extension that answers every operation from it. Not
 * part of the public API; {@link com.texterchat.testkit.simulator.TexterSimulator} is.
 */
@NullMarked
package com.texterchat.testkit.internal.sim;

import org.jspecify.annotations.NullMarked;
