package com.texterchat.testkit.internal.sim;

import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.internal.SpecOperation;
import org.jspecify.annotations.Nullable;

/**
 * Reaches the parts of {@link TexterMockServer} the simulator needs and that are no public API: starting a server
 * with {@link ServerHooks}, and checking an answer against the spec. {@code TexterMockServer} installs the bridge
 * when its class is initialized.
 */
public final class MockServerAccess {

    /** The operations the bridge offers. */
    public interface Bridge {
        /** Starts a server whose default answers come from the hooks. */
        TexterMockServer start(String defaultCountry, ServerHooks hooks);

        /** Checks an answer against the operation's response schema and records what does not fit. */
        void checkAnswer(TexterMockServer server, SpecOperation operation, String body);
    }

    private static volatile @Nullable Bridge bridge;

    private MockServerAccess() {
    }

    /** Installs the bridge; only {@code TexterMockServer} calls it, once. */
    public static synchronized void install(Bridge installed) {
        if (bridge != null) {
            throw new IllegalStateException("the mock server bridge is installed already");
        }
        bridge = installed;
    }

    /** The bridge, initializing {@code TexterMockServer} first if needed. */
    public static Bridge bridge() {
        Bridge current = bridge;
        if (current == null) {
            try {
                Class.forName(TexterMockServer.class.getName(), true, TexterMockServer.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            current = bridge;
            if (current == null) {
                throw new IllegalStateException("TexterMockServer did not install its bridge");
            }
        }
        return current;
    }
}
