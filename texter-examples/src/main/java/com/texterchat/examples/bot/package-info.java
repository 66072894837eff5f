/** An external bot: it answers a contact with a list menu, handles the choice, reads the conversation and hands the chat back to Texter (or resolves it). */
@NullMarked
package com.texterchat.examples.bot;

import org.jspecify.annotations.NullMarked;
