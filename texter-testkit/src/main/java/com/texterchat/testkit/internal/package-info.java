/**
 * Implementation details of the test kit (reading the spec, building stubs). Not part of the public API:
 * types here may change in any release.
 */
@NullMarked
package com.texterchat.testkit.internal;

import org.jspecify.annotations.NullMarked;
