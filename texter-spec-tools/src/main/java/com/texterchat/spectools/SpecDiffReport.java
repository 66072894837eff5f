package com.texterchat.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * The change report of a new spec: {@code SpecDiffReport <current spec> <new spec> <overlay> <repository root>
 * <out dir> [japicmp report]}, run by {@code ./mvnw -Pspec-diff -Dtexter.openapi.spec=new.json ...}.
 *
 * <p>Both specs get the overlay first, so the report compares what the SDK would be built from. It has four parts:
 * the SDK's summary ({@link SpecChanges}: operations, parameters, fields, enum values, webhook events, breaking
 * first), the handwritten code that still uses what goes away ({@link SourceScan}), the overlay actions that found no
 * place in the new spec (additions that would be lost), and OpenAPITools' openapi-diff in full; plus, when the
 * profile produced it, japicmp's report of the generated Java API. Written to {@code <out dir>/spec-diff.md}, and
 * printed.
 */
public final class SpecDiffReport {

    private SpecDiffReport() {
    }

    /**
     * A finished report.
     *
     * @param markdown the whole report
     * @param console the short form printed on the console
     * @param changes the SDK's view of the changes
     * @param hits handwritten uses of what goes away
     * @param lostAdditions overlay actions that selected nothing in the new spec
     */
    public record Report(String markdown, String console, List<SpecChanges.Change> changes,
            List<SourceScan.Hit> hits, List<String> lostAdditions) {
    }

    /**
     * Writes and prints the report.
     *
     * @param args the current spec, the new spec, the overlay, the repository root, the output directory and,
     *     optionally, japicmp's Markdown report of the generated module
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            throw new IllegalArgumentException(
                    "usage: SpecDiffReport <current spec> <new spec> <overlay> <repository root> <out dir> [japicmp.md]");
        }
        JsonNode overlay = MergeSpec.read(Path.of(args[2]));
        SpecOverlay.Result current = SpecOverlay.apply(MergeSpec.read(Path.of(args[0])), overlay);
        SpecOverlay.Result next = SpecOverlay.apply(MergeSpec.read(Path.of(args[1])), overlay);
        Path japicmp = args.length > 5 ? Path.of(args[5]) : null;
        Report report = report(args[0], args[1], current.spec(), next, Path.of(args[3]),
                japicmp != null && Files.isRegularFile(japicmp) ? Files.readString(japicmp) : null);
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("spec-diff.md"), report.markdown());
        System.out.println(report.console());
        System.out.println("[INFO] spec-diff: the full report is " + out.resolve("spec-diff.md").toAbsolutePath());
    }

    /**
     * Builds the report.
     *
     * @param currentName what to call the current spec
     * @param nextName what to call the new spec
     * @param current the current spec, merged
     * @param next the new spec, merged, with the actions that found no place
     * @param root the repository root whose handwritten modules are scanned
     * @param japicmp japicmp's Markdown report, or {@code null}
     */
    public static Report report(String currentName, String nextName, JsonNode current, SpecOverlay.Result next,
            Path root, @Nullable String japicmp) {
        List<SpecChanges.Change> changes = SpecChanges.between(current, next.spec());
        List<SourceScan.Hit> hits = SourceScan.scan(root, changes);
        ChangedOpenApi diff = OpenApiCompare.fromContents(current.toString(), next.spec().toString());
        String verdict = switch (diff.isChanged()) {
            case NO_CHANGES -> "no changes";
            case METADATA -> "metadata only";
            case COMPATIBLE -> "backward compatible";
            case INCOMPATIBLE -> "BREAKING (backward incompatible)";
            default -> diff.isChanged().toString();
        };

        StringBuilder summary = new StringBuilder();
        summary.append("Spec change: ").append(currentName).append(" -> ").append(nextName).append('\n');
        summary.append("openapi-diff verdict: ").append(verdict).append('\n');
        summary.append("\nChanges the SDK depends on (").append(changes.size()).append("):\n");
        if (changes.isEmpty()) {
            summary.append("- none\n");
        }
        for (SpecChanges.Change change : changes) {
            summary.append("- ").append(change.breaking() ? "[breaking] " : "[compatible] ").append(change.summary())
                    .append('\n');
        }
        summary.append("\nHandwritten code that uses what goes away (").append(String.join(", ", SourceScan.MODULES))
                .append("): ").append(hits.isEmpty() ? "none" : hits.size()).append('\n');
        for (SourceScan.Hit hit : hits) {
            summary.append("- ").append(hit.where()).append(": ").append(hit.identifier()).append("  | ")
                    .append(hit.line()).append("\n    (").append(hit.change()).append(")\n");
        }
        summary.append("\nAdditions of openapi-overlay.json that find no place in the new spec (they would be lost): ")
                .append(next.unmatched().isEmpty() ? "none" : next.unmatched().size()).append('\n');
        next.unmatched().forEach(line -> summary.append("- ").append(line).append('\n'));

        String console = summary + "\n" + render(new ConsoleRender(), diff);
        StringBuilder markdown = new StringBuilder("# Spec change report\n\n```text\n").append(summary)
                .append("```\n\n# openapi-diff\n\n").append(render(new MarkdownRender(), diff));
        if (japicmp != null) {
            markdown.append("\n\n# Java API of texter-api-generated (japicmp)\n\n").append(japicmp);
        }
        return new Report(markdown.toString(), console, changes, hits, next.unmatched());
    }

    private static String render(Render render, ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            render.render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
