/**
 * {@link com.texterchat.Texter}, the SDK's one entry object: every API group of the Texter API and the
 * validated flows of the DSL ({@code com.texterchat.dsl}).
 */
@NullMarked
package com.texterchat;

import org.jspecify.annotations.NullMarked;
