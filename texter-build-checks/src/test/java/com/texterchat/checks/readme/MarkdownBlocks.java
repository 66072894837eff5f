package com.texterchat.checks.readme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fenced code blocks of a Markdown document (CommonMark fences: three or more backticks or tildes,
 * closed by a fence of the same character at least as long). Fences may be indented, e.g. inside a list item.
 */
final class MarkdownBlocks {

    private static final Pattern OPENING = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^\\s`]*).*$");

    private MarkdownBlocks() {
    }

    /**
     * The fenced blocks of a document, each labelled with the first word of its info string in lower case
     * ({@code ""} when the fence names no language).
     *
     * @param file the document, for the blocks' locations
     * @param lines its lines
     * @param problems told about a fence that is never closed
     * @return the blocks, in document order
     */
    static List<Snippet> read(Path file, List<String> lines, Consumer<String> problems) {
        List<Snippet> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher opening = OPENING.matcher(lines.get(i));
            if (!opening.matches()) {
                continue;
            }
            String fence = opening.group(2);
            String language = opening.group(3).toLowerCase(Locale.ROOT);
            Pattern closing = Pattern.compile("^\\s*" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length()
                    + ",}\\s*$");
            int end = i + 1;
            while (end < lines.size() && !closing.matcher(lines.get(end)).matches()) {
                end++;
            }
            if (end == lines.size()) {
                problems.accept(file + ":" + (i + 1) + ": the code fence " + fence + language + " is never closed");
                break;
            }
            blocks.add(new Snippet(file, i + 1, language, lines.subList(i + 1, end)));
            i = end;
        }
        return blocks;
    }
}
