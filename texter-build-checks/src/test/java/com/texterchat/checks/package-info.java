/** Checks that span every module of the SDK (layering, nullness, module path, README snippets). */
package com.texterchat.checks;
