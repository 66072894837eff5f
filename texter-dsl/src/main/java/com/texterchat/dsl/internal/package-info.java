/**
 * Implementation details shared by the DSL packages. Not public API: may change in any release.
 */
@NullMarked
package com.texterchat.dsl.internal;

import org.jspecify.annotations.NullMarked;
