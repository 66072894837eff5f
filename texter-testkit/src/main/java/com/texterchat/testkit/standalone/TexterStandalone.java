package com.texterchat.testkit.standalone;

import com.texterchat.testkit.internal.admin.Standalone;

/**
 * The standalone Texter simulator: the main class of {@code texter-testkit-<version>-standalone.jar}, for tests in
 * any language and for a person with curl or Postman.
 *
 * <pre>
 * java -jar texter-testkit-&lt;version&gt;-standalone.jar --port 8080 [--seed seed.json] [--host 127.0.0.1] [--token T]
 * </pre>
 *
 * <p>It starts a {@link com.texterchat.testkit.simulator.TexterSimulator} on that address, prints the API's base URL
 * ({@code http://127.0.0.1:8080/server/api/v2}), the token to configure (a fake test token; any bearer token is
 * accepted) and the admin URL ({@code /__texter/}: simulated events, state dump, deliveries, reset, clock), and
 * serves until stopped with Ctrl+C or SIGTERM, when it closes the server and prints that it stopped. {@code --help}
 * prints the options. Exit codes: 2 for a bad command line (with the usage), 1 when it cannot start (the port is in
 * use, the seed file cannot be read or is no valid seed).
 */
public final class TexterStandalone {

    private TexterStandalone() {
    }

    /**
     * Runs the simulator until the JVM is asked to stop.
     *
     * @param args the command line; see {@code --help}
     * @throws InterruptedException when the waiting main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Standalone.Launch launch = Standalone.launch(args, System.out, System.err);
        Standalone running = launch.running();
        if (running == null) {
            System.out.flush();
            System.exit(launch.exitCode());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "texter-simulator-shutdown"));
        running.awaitStop();
    }
}
