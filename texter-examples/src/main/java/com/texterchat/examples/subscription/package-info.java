/** Webhook subscriptions: subscribe a URL to Texter events, read the typed events that arrive, unsubscribe again. */
@NullMarked
package com.texterchat.examples.subscription;

import org.jspecify.annotations.NullMarked;
