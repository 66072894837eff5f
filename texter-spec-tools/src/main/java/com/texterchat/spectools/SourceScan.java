package com.texterchat.spectools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds where handwritten code (the DSL, the test kit, the examples: main and test sources, Java and Kotlin) uses an
 * identifier that a spec change takes away.
 */
public final class SourceScan {

    /** The handwritten modules scanned, relative to the repository root. */
    public static final List<String> MODULES = List.of("texter-dsl", "texter-testkit", "texter-examples");

    private SourceScan() {
    }

    /**
     * One use.
     *
     * @param change the change's summary
     * @param identifier what was found
     * @param where {@code file:line} relative to the scanned root
     * @param line the line, trimmed
     */
    public record Hit(String change, String identifier, String where, String line) {
    }

    /** Every use, under {@code root}'s {@link #MODULES} (or under {@code root} itself when it has none of them). */
    public static List<Hit> scan(Path root, List<SpecChanges.Change> changes) {
        Map<Path, List<String>> files = new LinkedHashMap<>();
        sources(root).forEach(file -> files.put(file, read(file)));
        List<Hit> hits = new ArrayList<>();
        for (SpecChanges.Change change : changes) {
            for (String identifier : change.identifiers()) {
                Pattern pattern = Pattern.compile((Character.isJavaIdentifierStart(identifier.charAt(0)) ? "\\b" : "")
                        + Pattern.quote(identifier));
                for (Map.Entry<Path, List<String>> source : files.entrySet()) {
                    Path file = source.getKey();
                    List<String> lines = source.getValue();
                    if (change.context() != null
                            && lines.stream().noneMatch(l -> l.contains(change.context()))) {
                        continue;
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        if (pattern.matcher(lines.get(i)).find()) {
                            hits.add(new Hit(change.summary(), identifier,
                                    root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1),
                                    lines.get(i).trim()));
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static List<Path> sources(Path root) {
        List<Path> dirs = MODULES.stream().map(m -> root.resolve(m).resolve("src")).filter(Files::isDirectory).toList();
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs.isEmpty() ? List.of(root) : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".kt"))
                        .filter(f -> !f.toString().contains("/target/"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
