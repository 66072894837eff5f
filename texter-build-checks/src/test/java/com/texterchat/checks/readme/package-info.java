/**
 * The README-snippet check: every {@code java} or {@code kotlin} block of the repository's READMEs and of
 * {@code ARCHITECTURE.md} is a marked region of a source file the default build compiles.
 */
@NullMarked
package com.texterchat.checks.readme;

import org.jspecify.annotations.NullMarked;
