package com.texterchat.checks.readme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the README regions of a Java or Kotlin source file: the lines between a line comment
 * {@code readme:start <id>} and the next line comment {@code readme:end}, each comment alone on its line.
 */
final class SnippetRegions {

    static final Pattern START = Pattern.compile("^\\s*//\\s*readme:start\\s+(\\S+)\\s*$");
    static final Pattern END = Pattern.compile("^\\s*//\\s*readme:end\\s*$");
    /** A line comment that mentions a marker but is neither form above: a typo, reported rather than ignored. */
    private static final Pattern MARKER_LIKE = Pattern.compile("^\\s*//.*\\breadme\\s*:\\s*(start|end)\\b.*$");

    private SnippetRegions() {
    }

    /**
     * The regions of a source file.
     *
     * @param file the file, for the regions' locations and for messages
     * @param lines its lines
     * @param problems told about a start without an end, an end without a start, nested regions and malformed
     *     markers
     * @return the regions, labelled with their ids, in file order
     */
    static List<Snippet> read(Path file, List<String> lines, Consumer<String> problems) {
        List<Snippet> regions = new ArrayList<>();
        String openId = null;
        int openLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher start = START.matcher(line);
            if (start.matches()) {
                if (openId != null) {
                    problems.accept(file + ":" + (i + 1) + ": readme:start " + start.group(1) + " inside region "
                            + openId + " (started at line " + openLine + "); regions do not nest");
                }
                openId = start.group(1);
                openLine = i + 1;
            } else if (END.matcher(line).matches()) {
                if (openId == null) {
                    problems.accept(file + ":" + (i + 1) + ": readme:end without a readme:start before it");
                } else {
                    regions.add(new Snippet(file, openLine, openId, lines.subList(openLine, i)));
                    openId = null;
                }
            } else if (MARKER_LIKE.matcher(line).matches()) {
                problems.accept(file + ":" + (i + 1) + ": malformed README marker '" + line.strip()
                        + "'; write '// readme:start <id>' or '// readme:end', alone on the line");
            }
        }
        if (openId != null) {
            problems.accept(file + ":" + openLine + ": readme:start " + openId + " has no readme:end");
        }
        return regions;
    }
}
