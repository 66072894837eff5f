/** Finding a contact's chat by phone number, shared by the examples. */
@NullMarked
package com.texterchat.examples.chats;

import org.jspecify.annotations.NullMarked;
