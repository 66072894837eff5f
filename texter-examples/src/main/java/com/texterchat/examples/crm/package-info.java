/** CRM sync: find the chat of a phone number, merge CRM data into it, label it and assign it. */
@NullMarked
package com.texterchat.examples.crm;

import org.jspecify.annotations.NullMarked;
