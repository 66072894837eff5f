package com.texterchat.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.testkit.TexterMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real standalone jar in a child JVM, as a user runs it: it prints its base URL and token, answers Search Chats
 * and a simulated event over HTTP, and stops cleanly on SIGTERM. Runs in the integration-test phase (the jar exists
 * only after package); the jar's path comes from the {@code texter.standalone.jar} system property.
 */
class StandaloneJarIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern BASE_URL = Pattern.compile("base URL: (http://127\\.0\\.0\\.1:\\d+/server/api/v2)");

    @Test
    void theJarServesTheSimulatorAndStopsCleanlyOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("texter.standalone.jar", "target/missing-standalone.jar"));
        assertThat(jar).as("the standalone jar (built at package)").isRegularFile();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the child's output goes to files: reading its pipes races with the JDK closing them when it exits
        Path dir = Files.createTempDirectory(jar.getParent(), "standalone-it");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String apiBaseUrl = awaitBaseUrl(process, out, err);
            assertThat(lines(out)).anySatisfy(line -> assertThat(line).contains("token:    " + TexterMockServer.TOKEN));

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> empty = http.send(get(apiBaseUrl + "/chats/search?includeEmptyChats=true"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(empty.statusCode()).as(empty.body()).isEqualTo(200);
            assertThat(empty.body()).contains("\"data\":[]").contains("\"total\":0");

            String root = apiBaseUrl.substring(0, apiBaseUrl.indexOf("/server/api/v2"));
            HttpResponse<String> simulated = http.send(HttpRequest.newBuilder(
                    URI.create(root + "/__texter/simulate/incomingMessage")).timeout(WAIT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\": \"0521234567\", \"text\": \"Hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
            assertThat(simulated.body()).contains("\"messageId\"");

            HttpResponse<String> found = http.send(get(apiBaseUrl + "/chats/search?search=0521234567"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(found.body()).contains("972521234567");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", WAIT).isTrue();
            assertThat(process.exitValue()).as("exit code; stderr: %s", lines(err)).isIn(0, 143);
            assertThat(lines(out)).last().isEqualTo("Texter simulator stopped.");
            assertThat(Files.readString(err)).doesNotContain("Exception").doesNotContain("\tat ");
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static String awaitBaseUrl(Process process, Path out, Path err)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines(out)) {
                Matcher m = BASE_URL.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the jar ended with " + process.exitValue() + "; stdout " + lines(out)
                        + ", stderr " + lines(err));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no base URL printed within " + WAIT + "; stdout " + lines(out) + ", stderr "
                + lines(err));
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Authorization", "Bearer " + TexterMockServer.TOKEN).GET().build();
    }
}
