/**
 * Checks of what a release publishes: the BOM lists every published module at the parent's version, and the poms
 * carry the metadata Maven Central requires.
 */
@NullMarked
package com.texterchat.checks.release;

import org.jspecify.annotations.NullMarked;
