/**
 * Implementation details of the Texter client (HTTP wiring, decoding). Not part of the public API: types
 * here may change in any release.
 */
package com.texterchat.client.internal;
