/**
 * Implementation details of the Texter client (HTTP wiring, decoding). Not part of the public API: types
 * here may change in any release.
 */
@NullMarked
package com.texterchat.client.internal;

import org.jspecify.annotations.NullMarked;
