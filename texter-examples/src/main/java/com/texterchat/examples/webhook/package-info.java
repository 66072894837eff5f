/** A small HTTP receiver for Texter webhooks that parses each delivery into a typed event. */
@NullMarked
package com.texterchat.examples.webhook;

import org.jspecify.annotations.NullMarked;
