/**
 * A stateful, in-memory Texter for tests: reads reflect writes, simulated events run the imported subscriptions and
 * deliver their webhooks.
 */
@NullMarked
package com.texterchat.testkit.simulator;

import org.jspecify.annotations.NullMarked;
