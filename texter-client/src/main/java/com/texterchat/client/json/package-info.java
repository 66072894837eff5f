/** JSON (Jackson) configuration shared by the client, the DSL and the testkit. */
@NullMarked
package com.texterchat.client.json;

import org.jspecify.annotations.NullMarked;
