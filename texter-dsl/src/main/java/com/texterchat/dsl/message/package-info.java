/**
 * Session messages (Send a Message to Chat, and the contents of quick replies): {@link
 * com.texterchat.dsl.message.Messages} starts a builder for each of the six types, {@link
 * com.texterchat.dsl.message.MessageRules} holds the limits and validates any {@code SessionMessage}.
 */
@NullMarked
package com.texterchat.dsl.message;

import org.jspecify.annotations.NullMarked;
