package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.client.testsupport.RawHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when proof of issue #13: at {@code -Xmx256m}, a 1 GB body (declared, and undeclared until the connection
 * closes) and endless bodies (fast, and dripping) each end in a typed exception within the read timeout, the next
 * call on the same client succeeds, and no call's heap peak rises 64 MB above its baseline. The server streams
 * from this JVM and never holds a body; the client runs in a child JVM ({@link HeapProbeChild}) with the serial
 * collector and a 16 MiB young generation, so that the measured peaks are not a large young generation's garbage.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HugeBodyHeapProbeTest {

    private static final long GB = 1_000_000_000L;
    private static final long READ_TIMEOUT_MILLIS = 2_000;
    private static final long SLACK_MILLIS = 2_500;
    private static final long MAX_PEAK_ABOVE_BASELINE = 64L * 1024 * 1024;
    private static final Pattern CALL = Pattern.compile("CALL (\\d+) (\\S+) (\\d+) (-?\\d+)");

    @Test
    void hugeAndEndlessBodiesFailTypedInTimeWithBoundedHeapAndTheClientStaysUsable(@TempDir Path dir)
            throws IOException, InterruptedException {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.hugeBody(GB),
                RawHttpServer.hugeBodyUntilClose(GB),
                RawHttpServer.endlessBody(),
                RawHttpServer.endlessDrip(java.time.Duration.ofMillis(20)),
                RawHttpServer.json(200, ProbeClients.LABEL)))) {
            Path log = dir.resolve("child.log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-Xmn16m", "-cp", System.getProperty("java.class.path"),
                    HeapProbeChild.class.getName(), server.baseUrl(), "5", String.valueOf(READ_TIMEOUT_MILLIS));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!child.waitFor(45, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not finish: " + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isZero();
            List<String[]> calls = new ArrayList<>();
            Matcher m = CALL.matcher(output);
            while (m.find()) {
                calls.add(new String[] {m.group(2), m.group(3), m.group(4)});
            }
            assertThat(calls).as(output).hasSize(5);
            assertThat(calls.stream().map(c -> c[0])).as(output).containsExactly(
                    "TexterResponseTooLargeException", "TexterResponseTooLargeException",
                    "TexterResponseTooLargeException", "TexterIoException", "ok:VIP");
            for (String[] call : calls) {
                assertThat(Long.parseLong(call[1])).as("millis of %s in %s", call[0], output)
                        .isLessThan(READ_TIMEOUT_MILLIS + SLACK_MILLIS);
                assertThat(Long.parseLong(call[2])).as("heap peak above baseline of %s in %s", call[0], output)
                        .isLessThan(MAX_PEAK_ABOVE_BASELINE);
            }
        }
    }
}
