/**
 * The standalone Texter simulator: {@link com.texterchat.testkit.standalone.TexterStandalone}, the main class of the
 * test kit's {@code -standalone} jar.
 */
@NullMarked
package com.texterchat.testkit.standalone;

import org.jspecify.annotations.NullMarked;
