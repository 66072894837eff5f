package com.texterchat.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README table is computed from JMH's JSON, pooling attempts and combining errors. */
class ResultsTableTest {

    private static String run(String benchmark, String mode, String params, String unit, String rawData) {
        return "{\"benchmark\":\"com.texterchat.benchmarks." + benchmark + "\",\"mode\":\"" + mode + "\",\"threads\":"
                + (mode.equals("thrpt") ? 8 : 1) + ",\"forks\":1,\"measurementIterations\":2,\"params\":{" + params
                + "},\"primaryMetric\":{\"score\":0,\"scoreUnit\":\"" + unit + "\",\"rawData\":[" + rawData + "]},"
                + "\"secondaryMetrics\":{}}";
    }

    @Test
    void pairsTheSdkWithTheHandWrittenCallAcrossAttemptsAndJudgesTheTargets() throws Exception {
        String json = "[" + String.join(",", List.of(
                run("client.CallBenchmark.sendMessageLatency", "avgt", "\"attempt\":\"1\",\"client\":\"raw\"", "us/op",
                        "[100,100]"),
                run("client.CallBenchmark.sendMessageLatency", "avgt", "\"attempt\":\"1\",\"client\":\"sdk\"", "us/op",
                        "[110,110]"),
                run("client.CallBenchmark.sendMessageLatency", "avgt", "\"attempt\":\"2\",\"client\":\"raw\"", "us/op",
                        "[100,100]"),
                run("client.CallBenchmark.sendMessageLatency", "avgt", "\"attempt\":\"2\",\"client\":\"sdk\"", "us/op",
                        "[110,110]"),
                run("client.CallBenchmark.sendMessageThroughput", "thrpt", "\"attempt\":\"1\",\"client\":\"raw\"",
                        "ops/s", "[1000,1000]"),
                run("client.CallBenchmark.sendMessageThroughput", "thrpt", "\"attempt\":\"1\",\"client\":\"sdk\"",
                        "ops/s", "[800,800]"),
                run("webhook.WebhookParseBenchmark.parse", "avgt", "\"attempt\":\"1\",\"parser\":\"readTree\"", "us/op",
                        "[20,22]"),
                run("webhook.WebhookParseBenchmark.parse", "avgt", "\"attempt\":\"1\",\"parser\":\"typed\"", "us/op",
                        "[18,20]"),
                run("testkit.TestkitStartBenchmark.firstStart", "ss", "\"via\":\"server\"", "ms/op", "[900],[1300]"),
                run("testkit.TestkitResetBenchmark.reset", "avgt", "", "us/op", "[200,300]"))) + "]";

        String table = ResultsTable.parse(json).render();

        assertThat(table).contains("| sendMessage latency | 1 | 100 ± 0.00 us/op | 110 ± 0.00 us/op | 1.10 ± 0.00 |"
                + " ≤ 1.15 | yes |");
        // two measurements are too few for a confidence interval (JMH gives none either)
        assertThat(table).contains("| sendMessage throughput | 8 | 1,000 ops/s | 800 ops/s | 0.80 | ≥ 0.90 | **no** |");
        assertThat(table).contains("| average time per parse | 21.0 us/op | 19.0 us/op | 0.90 | ≤ 1.00 | yes |");
        assertThat(table).contains("| 1,100 ms/op | 900 – 1,300 ms/op | 2 fresh JVMs | ≤ 1 s | **no** |");
        assertThat(table).contains("| 250 us/op | 200 – 300 us/op | 2 iterations | ≤ 5 ms | yes |");
    }

    @Test
    void aRatioCarriesTheRelativeErrorsOfBothSides() {
        ResultsTable.Stats a = new ResultsTable.Stats(110, 11, 0, 0, 5, "us/op");
        ResultsTable.Stats b = new ResultsTable.Stats(100, 10, 0, 0, 5, "us/op");

        ResultsTable.Stats ratio = a.over(b);

        assertThat(ratio.mean()).isCloseTo(1.1, within(1e-9));
        assertThat(ratio.error()).isCloseTo(1.1 * Math.sqrt(0.01 + 0.01), within(1e-9));
    }
}
