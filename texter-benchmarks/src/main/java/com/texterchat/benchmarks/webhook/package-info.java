/** Webhook benchmark: the typed parse of a delivery against a plain Jackson tree of the same bytes. */
@NullMarked
package com.texterchat.benchmarks.webhook;

import org.jspecify.annotations.NullMarked;
