/**
 * The layering rule: each module uses only its own and lower layers, and no module uses another module's
 * {@code internal} packages.
 */
@NullMarked
package com.texterchat.checks.layering;

import org.jspecify.annotations.NullMarked;
