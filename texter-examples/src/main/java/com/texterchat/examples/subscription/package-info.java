/** Webhook subscription: import subscriptions that point at a receiver and print the typed events that arrive. */
@NullMarked
package com.texterchat.examples.subscription;

import org.jspecify.annotations.NullMarked;
