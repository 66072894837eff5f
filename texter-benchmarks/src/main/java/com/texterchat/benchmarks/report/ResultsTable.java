package com.texterchat.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the Markdown tables of the README: each measurement next to its
 * baseline, the ratio with its error, and whether the target is met. Forks of the same benchmark and client from
 * several {@code attempt}s are pooled; errors are 99.9% confidence intervals, as JMH reports them, and a ratio's
 * error combines the relative errors of both sides.
 *
 * <p>Usage: {@code ResultsTable <jmh-results.json> [<output.md>]}; without an output file the tables go to standard
 * output.
 */
public final class ResultsTable {

    private static final String CALL = "com.texterchat.benchmarks.client.CallBenchmark.";
    private static final String WEBHOOK = "com.texterchat.benchmarks.webhook.WebhookParseBenchmark.";
    private static final String START = "com.texterchat.benchmarks.testkit.TestkitStartBenchmark.";
    private static final String RESET = "com.texterchat.benchmarks.testkit.TestkitResetBenchmark.";
    private static final String CPU = "cpu.time.norm";
    private static final double CONFIDENCE = 0.999;

    private final List<Run> runs;

    ResultsTable(List<Run> runs) {
        this.runs = runs;
    }

    /**
     * Prints or writes the tables.
     *
     * @param args the JMH JSON file, optionally the Markdown file to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ResultsTable <jmh-results.json> [<output.md>]");
            System.exit(2);
        }
        String markdown = parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).render();
        if (args.length == 2) {
            Files.writeString(Path.of(args[1]), markdown, StandardCharsets.UTF_8);
        } else {
            System.out.print(markdown);
        }
    }

    /**
     * Reads JMH's JSON results.
     *
     * @param json the content of a {@code -rf json} file
     * @return the table builder
     * @throws IOException when the JSON is malformed
     */
    static ResultsTable parse(String json) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(json)) {
            JsonNode params = run.path("params");
            String variant = params.path("client").asText(params.path("via").asText(params.path("parser").asText("")));
            runs.add(new Run(run.path("benchmark").asText(), variant, run.path("threads").asInt(),
                    run.path("measurementIterations").asInt(), run.path("primaryMetric").path("scoreUnit").asText(),
                    rawData(run.path("primaryMetric")), rawData(run.path("secondaryMetrics").path(CPU))));
        }
        return new ResultsTable(runs);
    }

    /** Every measured iteration of every fork. */
    private static List<Double> rawData(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        metric.path("rawData").forEach(fork -> fork.forEach(iteration -> values.add(iteration.asDouble())));
        return values;
    }

    /**
     * The Markdown tables.
     *
     * @return Markdown
     */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("| Per-call cost | threads | raw (hand-written) | SDK | SDK / raw | target | met |"
                + " CPU per call raw → SDK (SDK / raw) |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (String call : List.of("sendMessage", "searchChats")) {
            callRow(out, call, "Latency", "latency", true);
            callRow(out, call, "Throughput", "throughput", false);
        }
        out.append('\n');

        out.append("| Webhook parsing (5 KB newIncomingMessage) | readTree | typed parse | typed / readTree | target | met |\n");
        out.append("|---|---|---|---|---|---|\n");
        Optional<Stats> tree = stats(WEBHOOK + "parse", "readTree", false);
        Optional<Stats> typed = stats(WEBHOOK + "parse", "typed", false);
        if (tree.isPresent() && typed.isPresent()) {
            Stats ratio = typed.get().over(tree.get());
            out.append("| average time per parse | ").append(tree.get()).append(" | ").append(typed.get())
                    .append(" | ").append(ratio.ratio()).append(" | ≤ 1.00 | ").append(met(ratio.mean <= 1.0))
                    .append(" |\n");
        }
        out.append('\n');

        out.append("| Test kit | mean | min – max | measurements | target | met |\n");
        out.append("|---|---|---|---|---|---|\n");
        startRow(out, "firstStart", "server", "first start in a fresh JVM: `TexterMockServer.start()` → first answer");
        startRow(out, "firstStart", "junit", "first start in a fresh JVM: a `@TexterTest` class run by the JUnit launcher");
        startRow(out, "nextStart", "server", "later start in the same JVM: `TexterMockServer.start()` → first answer");
        startRow(out, "nextStart", "junit", "later start in the same JVM: a `@TexterTest` class run by the JUnit launcher");
        stats(RESET + "reset", "", false).ifPresent(reset -> out.append("| reset between tests (what the extension"
                + " runs before each test) | ").append(reset).append(" | ").append(reset.range()).append(" | ")
                .append(reset.count).append(" iterations | ≤ 5 ms | ").append(met(reset.millis() <= 5.0))
                .append(" |\n"));
        return out.toString();
    }

    private void callRow(StringBuilder out, String call, String suffix, String label, boolean lowerIsBetter) {
        Optional<Stats> raw = stats(CALL + call + suffix, "raw", false);
        Optional<Stats> sdk = stats(CALL + call + suffix, "sdk", false);
        if (raw.isEmpty() || sdk.isEmpty()) {
            return;
        }
        Stats ratio = sdk.get().over(raw.get());
        boolean met = lowerIsBetter ? ratio.mean <= 1.15 : ratio.mean >= 0.9;
        out.append("| ").append(call).append(' ').append(label).append(" | ").append(threads(CALL + call + suffix))
                .append(" | ").append(raw.get()).append(" | ").append(sdk.get()).append(" | ").append(ratio.ratio())
                .append(" | ").append(lowerIsBetter ? "≤ 1.15" : "≥ 0.90").append(" | ").append(met(met)).append(" | ");
        Optional<Stats> rawCpu = stats(CALL + call + suffix, "raw", true);
        Optional<Stats> sdkCpu = stats(CALL + call + suffix, "sdk", true);
        if (rawCpu.isPresent() && sdkCpu.isPresent()) {
            out.append(rawCpu.get()).append(" → ").append(sdkCpu.get()).append(" (")
                    .append(sdkCpu.get().over(rawCpu.get()).ratio()).append(')');
        }
        out.append(" |\n");
    }

    private void startRow(StringBuilder out, String method, String via, String label) {
        stats(START + method, via, false).ifPresent(s -> out.append("| ").append(label).append(" | ").append(s)
                .append(" | ").append(s.range()).append(" | ").append(s.count)
                .append(method.equals("firstStart") ? " fresh JVMs" : " starts").append(" | ≤ 1 s | ")
                .append(met(s.millis() <= 1000.0)).append(" |\n"));
    }

    private int threads(String benchmark) {
        return runs.stream().filter(r -> r.benchmark.equals(benchmark)).mapToInt(r -> r.threads).findFirst()
                .orElse(0);
    }

    /** All measurements of a benchmark and variant, pooled over forks and attempts. */
    private Optional<Stats> stats(String benchmark, String variant, boolean cpu) {
        List<Double> values = new ArrayList<>();
        String unit = ""; // set with the first measurement; unused when there is none
        for (Run run : runs) {
            if (run.benchmark.equals(benchmark) && run.variant.equals(variant)) {
                values.addAll(cpu ? run.cpu : run.values);
                unit = cpu ? "us/op" : run.unit;
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(Stats.of(values, unit));
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        return String.format(Locale.ROOT, magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
    }

    /** One JMH result: a benchmark with one set of parameters, all its forks. */
    record Run(String benchmark, String variant, int threads, int iterations, String unit, List<Double> values,
            List<Double> cpu) {
    }

    /** Mean, 99.9% error, extremes and count of a set of measurements, or a ratio of two such means. */
    record Stats(double mean, double error, double min, double max, long count, String unit) {

        static Stats of(List<Double> values, String unit) {
            ListStatistics statistics = new ListStatistics();
            values.forEach(statistics::addValue);
            double error = statistics.getN() > 1 ? statistics.getMeanErrorAt(CONFIDENCE) : Double.NaN;
            return new Stats(statistics.getMean(), error, statistics.getMin(), statistics.getMax(), statistics.getN(),
                    unit);
        }

        /** {@code this / other}, the relative errors added in quadrature. */
        Stats over(Stats other) {
            double ratio = mean / other.mean;
            double error = ratio * Math.sqrt(square(this.error / this.mean) + square(other.error / other.mean));
            return new Stats(ratio, error, Double.NaN, Double.NaN, Math.min(count, other.count), "");
        }

        private static double square(double x) {
            return x * x;
        }

        String ratio() {
            return Double.isNaN(error) ? String.format(Locale.ROOT, "%.2f", mean)
                    : String.format(Locale.ROOT, "%.2f ± %.2f", mean, error);
        }

        String range() {
            return format(min) + " – " + format(max) + " " + unit;
        }

        double millis() {
            return switch (unit) {
                case "s/op" -> mean * 1000;
                case "ms/op" -> mean;
                case "us/op" -> mean / 1000;
                case "ns/op" -> mean / 1_000_000;
                default -> throw new IllegalArgumentException("not a time per operation: " + unit);
            };
        }

        @Override
        public String toString() {
            return Double.isNaN(error) ? format(mean) + " " + unit : format(mean) + " ± " + format(error) + " " + unit;
        }
    }
}
