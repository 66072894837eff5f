package com.texterchat.testkit.internal.admin;

import com.texterchat.testkit.TexterMockServer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The command line of the standalone simulator, parsed and checked.
 *
 * @param port the port to listen on, 0 for a free one
 * @param host the address to listen on
 * @param seed the seed file, or null for an empty project
 * @param token the token to print (the server accepts any bearer token)
 * @param defaultCountry the project's default country
 * @param help whether {@code --help} was asked for
 */
public record StandaloneArgs(int port, String host, @Nullable Path seed, String token, String defaultCountry,
        boolean help) {

    /** The port when none is given. */
    public static final int DEFAULT_PORT = 8080;

    /** What {@code --help} and a bad argument print. */
    public static final String USAGE = """
            Usage: java -jar texter-testkit-<version>-standalone.jar [options]

            Runs the Texter simulator (an in-memory Texter project answering Texter API v2) until stopped
            with Ctrl+C or SIGTERM.

            Options:
              --port <n>             port to listen on (default 8080; 0 takes a free port)
              --host <address>       address to listen on (default 127.0.0.1; 0.0.0.0 for all interfaces)
              --seed <file.json>     seed file preloading the project (the test kit's README has the format)
              --token <token>        token to print for clients (default: the test kit's fake test token;
                                     the simulator accepts any bearer token)
              --default-country <cc> country of phone numbers in national form (default IL)
              --help                 this text

            API:   http://<host>:<port>/server/api/v2   (Authorization: Bearer <token>)
            Admin: http://<host>:<port>/__texter/       (simulated events, state, deliveries, reset, clock)
            """;

    /** A command line that cannot be run; the message says why. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses a command line: {@code --name value} or {@code --name=value}.
     *
     * @throws UsageException naming the argument that is wrong
     */
    public static StandaloneArgs parse(String... args) {
        int port = DEFAULT_PORT;
        String host = "127.0.0.1";
        Path seed = null;
        String token = TexterMockServer.TOKEN;
        String country = TexterMockServer.DEFAULT_COUNTRY;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (!name.equals("--port") && !name.equals("--host") && !name.equals("--seed")
                    && !name.equals("--token") && !name.equals("--default-country")) {
                throw new UsageException("unknown argument: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--port" -> port = port(value);
                case "--host" -> {
                    if (value.isBlank()) {
                        throw new UsageException("--host needs an address, got an empty one");
                    }
                    host = value.strip();
                }
                case "--seed" -> {
                    if (value.isBlank()) {
                        throw new UsageException("--seed needs a file, got an empty name");
                    }
                    seed = Path.of(value);
                }
                case "--token" -> {
                    if (value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                        throw new UsageException("--token must be printable ASCII without spaces");
                    }
                    token = value;
                }
                default -> {
                    if (!value.matches("[A-Za-z]{2}")) {
                        throw new UsageException("--default-country needs a two-letter ISO country code such as"
                                + " IL or US, got \"" + value + "\"");
                    }
                    country = value.toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        return new StandaloneArgs(port, host, seed, token, country, help);
    }

    private static int port(String value) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number from 0 to 65535, got \"" + value + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port needs a number from 0 to 65535, got " + port);
        }
        return port;
    }

    @Override
    public String toString() {
        return "StandaloneArgs[port=" + port + ", host=" + host + ", seed=" + seed + ", defaultCountry="
                + defaultCountry + ", help=" + help + "]";
    }
}
