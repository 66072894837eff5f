/** JSON (Jackson) configuration shared by the client, the DSL and the testkit. */
package com.texterchat.client.json;
