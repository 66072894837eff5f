package com.texterchat.checks.readme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of code found in a file: a fenced block of a Markdown document, or a marked region of a source file.
 *
 * @param file where it was found
 * @param line the 1-based line of its opening fence or start marker
 * @param label the block's language, or the region's id
 * @param lines its lines, {@linkplain #normalize(List) normalized}
 */
record Snippet(Path file, int line, String label, List<String> lines) {

    Snippet {
        lines = normalize(lines);
    }

    /** The first line with text, for messages. */
    String firstLine() {
        return lines.isEmpty() ? "(empty)" : lines.get(0).strip();
    }

    /** {@code file:line}, relative to the repository root. */
    String location(Path root) {
        return root.relativize(file) + ":" + line;
    }

    /**
     * The lines as they compare: trailing whitespace removed, blank lines at either end dropped, and the
     * indentation all remaining non-blank lines share taken off.
     */
    static List<String> normalize(List<String> raw) {
        List<String> stripped = new ArrayList<>(raw.size());
        raw.forEach(line -> stripped.add(line.stripTrailing()));
        int from = 0;
        int to = stripped.size();
        while (from < to && stripped.get(from).isEmpty()) {
            from++;
        }
        while (to > from && stripped.get(to - 1).isEmpty()) {
            to--;
        }
        List<String> kept = stripped.subList(from, to);
        int indent = kept.stream().filter(line -> !line.isEmpty()).mapToInt(Snippet::indentation).min().orElse(0);
        List<String> result = new ArrayList<>(kept.size());
        kept.forEach(line -> result.add(line.isEmpty() ? line : line.substring(indent)));
        return List.copyOf(result);
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
