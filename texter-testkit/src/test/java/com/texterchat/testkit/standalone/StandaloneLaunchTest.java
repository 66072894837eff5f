package com.texterchat.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.testkit.RawHttp;
import com.texterchat.testkit.internal.admin.Standalone;
import com.texterchat.testkit.internal.admin.StandaloneArgs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standalone simulator's command line, in-process: options, usage and exit codes, start-up failures. */
class StandaloneLaunchTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Standalone.Launch launch(String... args) {
        return Standalone.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void optionsAreReadInBothForms() {
        StandaloneArgs args = StandaloneArgs.parse("--port=9090", "--host", "0.0.0.0", "--seed", "seed.json",
                "--token", "my-test-token", "--default-country", "us");
        assertThat(args.port()).isEqualTo(9090);
        assertThat(args.host()).isEqualTo("0.0.0.0");
        assertThat(args.seed()).isEqualTo(Path.of("seed.json"));
        assertThat(args.token()).isEqualTo("my-test-token");
        assertThat(args.defaultCountry()).isEqualTo("US");
        assertThat(args.toString()).doesNotContain("my-test-token");

        StandaloneArgs defaults = StandaloneArgs.parse();
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.seed()).isNull();
        assertThat(defaults.token()).isEqualTo("texter-testkit-fake-token");
    }

    @Test
    void helpPrintsTheUsageAndEndsWithZero() {
        Standalone.Launch launch = launch("--help");
        assertThat(launch.running()).isNull();
        assertThat(launch.exitCode()).isZero();
        assertThat(out()).startsWith("Usage: java -jar texter-testkit-<version>-standalone.jar").contains("--seed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--prot 8080          | unknown argument: --prot",
        "--port               | --port needs a value",
        "--port eighty        | --port needs a number from 0 to 65535, got \"eighty\"",
        "--port 70000         | --port needs a number from 0 to 65535, got 70000",
        "--port -1            | --port needs a number from 0 to 65535, got -1",
        "--default-country ISR | --default-country needs a two-letter ISO country code",
        "--token=             | --token must be printable ASCII without spaces",
        "8080                 | unknown argument: 8080",
    })
    void aBadCommandLinePrintsWhyAndTheUsageAndEndsWithTwo(String commandLine, String why) {
        Standalone.Launch launch = launch(commandLine.strip().split(" "));
        assertThat(launch.running()).isNull();
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(err()).startsWith("texter-simulator: " + why.strip()).contains("Usage: java -jar");
        assertThat(out()).isEmpty();
    }

    @Test
    void aPortInUseIsAClearMessageAndExitCodeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Standalone.Launch launch = launch("--port", String.valueOf(taken.getLocalPort()));
            assertThat(launch.running()).isNull();
            assertThat(launch.exitCode()).isEqualTo(1);
            assertThat(err()).isEqualTo("texter-simulator: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is in use (or the address is not this machine's); choose another with --port, or"
                    + " --port 0 for a free one" + System.lineSeparator());
        }
    }

    @Test
    void aSeedFileThatIsMissingOrInvalidIsExitCodeOne(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.json");
        assertThat(launch("--port", "0", "--seed", missing.toString()).exitCode()).isEqualTo(1);
        assertThat(err()).startsWith("texter-simulator: cannot read the seed file " + missing);

        err.reset();
        Path invalid = Files.writeString(dir.resolve("seed.json"), "{\"chat\": []}");
        assertThat(launch("--port", "0", "--seed", invalid.toString()).exitCode()).isEqualTo(1);
        assertThat(err()).startsWith("texter-simulator: the seed file " + invalid + " is not a valid seed:")
                .contains("Unknown seed key 'chat'");
    }

    @Test
    void aStartedSimulatorPrintsItsUrlsAndTokenAndStopsOnClose() {
        Standalone.Launch launch = launch("--port", "0", "--token", "ci-token");
        Standalone running = launch.running();
        assertThat(running).isNotNull();
        try {
            String api = running.simulator().apiBaseUrl();
            assertThat(api).matches("http://127\\.0\\.0\\.1:\\d+/server/api/v2");
            assertThat(out()).contains("  base URL: " + api + "\n".replace("\n", System.lineSeparator()))
                    .contains("  token:    ci-token ").contains("a fake test token");
            assertThat(RawHttp.send("GET", api + "/labels", null, "Bearer ci-token").statusCode()).isEqualTo(200);
        } finally {
            running.close();
            running.close();
        }
        assertThat(out()).endsWith("Texter simulator stopped." + System.lineSeparator());
        assertThat(out().split("stopped", -1)).hasSize(2); // printed once
        assertThatThrownBy(() -> RawHttp.send("GET", running.simulator().apiBaseUrl() + "/labels", null))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void theHostIsTheAddressListenedOn() {
        // tests listen on loopback only: "localhost" stands for any address given by name
        Standalone running = launch("--port", "0", "--host", "localhost").running();
        assertThat(running).isNotNull();
        try {
            assertThat(running.simulator().baseUrl()).startsWith("http://localhost:");
            assertThat(out()).contains("base URL: http://localhost:");
            assertThat(RawHttp.send("GET", running.simulator().apiBaseUrl() + "/labels", null).statusCode())
                    .isEqualTo(200);
        } finally {
            running.close();
        }
    }
}
