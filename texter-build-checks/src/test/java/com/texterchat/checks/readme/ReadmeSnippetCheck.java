package com.texterchat.checks.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the code blocks of a repository's documents with the README regions of its compiled sources.
 *
 * <p>Rules, each a problem when broken:
 * <ul>
 *   <li>every fenced block names its language (so no Java block escapes the check by having no tag);</li>
 *   <li>every {@code java} or {@code kotlin} block equals, line for line after {@linkplain Snippet#normalize
 *       normalizing} both, some region of a compiled source;</li>
 *   <li>every region is shown by at least one block (a region no document shows is dead code that looks
 *       checked), and no two regions share an id;</li>
 *   <li>markers are well formed: a start has an end, regions do not nest.</li>
 * </ul>
 * Blocks in other languages ({@code bash}, {@code xml}, {@code gradle}, {@code groovy}, {@code kts},
 * {@code text}, ...) are not compiled and not checked.
 */
final class ReadmeSnippetCheck {

    /** The languages whose blocks must be compiled code. */
    static final Set<String> COMPILED_LANGUAGES = Set.of("java", "kotlin");

    private ReadmeSnippetCheck() {
    }

    /**
     * Runs the check.
     *
     * @param repository the repository
     * @return the problems, one line each, empty when every block is compiled
     */
    static List<String> problems(Repository repository) {
        Path root = repository.root();
        List<String> problems = new ArrayList<>();

        List<Snippet> regions = new ArrayList<>();
        for (Path source : repository.compiledSources()) {
            regions.addAll(SnippetRegions.read(root.relativize(source), lines(source), problems::add));
        }
        Map<String, Snippet> byId = new HashMap<>();
        for (Snippet region : regions) {
            Snippet earlier = byId.putIfAbsent(region.label(), region);
            if (earlier != null) {
                problems.add(region.file() + ":" + region.line() + ": region id " + region.label()
                        + " is already used at " + earlier.file() + ":" + earlier.line());
            }
        }

        Set<Snippet> shown = new HashSet<>();
        for (Path document : repository.documents()) {
            for (Snippet block : MarkdownBlocks.read(root.relativize(document), lines(document), problems::add)) {
                if (block.label().isEmpty()) {
                    problems.add(block.file() + ":" + block.line() + ": code block without a language ("
                            + block.firstLine() + "); tag it (java, kotlin, bash, xml, gradle, text, ...)");
                    continue;
                }
                if (!COMPILED_LANGUAGES.contains(block.label())) {
                    continue;
                }
                List<Snippet> matches = regions.stream().filter(region -> region.lines().equals(block.lines()))
                        .toList();
                if (matches.isEmpty()) {
                    problems.add(unmatched(block, regions));
                }
                shown.addAll(matches);
            }
        }

        for (Snippet region : regions) {
            if (!shown.contains(region)) {
                problems.add(region.file() + ":" + region.line() + ": region " + region.label()
                        + " is shown by no README.md or ARCHITECTURE.md block; show it or remove the markers");
            }
        }
        return problems;
    }

    /** Names the block and, to make fixing it quick, the region most like it and where they first differ. */
    private static String unmatched(Snippet block, List<Snippet> regions) {
        StringBuilder message = new StringBuilder().append(block.file()).append(':').append(block.line())
                .append(": ").append(block.label()).append(" block '").append(block.firstLine())
                .append("' is no readme:start/readme:end region of a compiled source");
        Snippet closest = null;
        long best = 0;
        for (Snippet region : regions) {
            long common = region.lines().stream().filter(line -> !line.isBlank() && block.lines().contains(line))
                    .count();
            if (common > best) {
                best = common;
                closest = region;
            }
        }
        if (closest != null) {
            List<String> expected = closest.lines();
            List<String> actual = block.lines();
            int i = 0;
            while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
                i++;
            }
            message.append("; closest is region ").append(closest.label()).append(" (").append(closest.file())
                    .append(':').append(closest.line()).append("), first difference at block line ").append(i + 1)
                    .append(": README has '").append(i < actual.size() ? actual.get(i) : "(end)")
                    .append("', region has '").append(i < expected.size() ? expected.get(i) : "(end)").append('\'');
        }
        return message.toString();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
