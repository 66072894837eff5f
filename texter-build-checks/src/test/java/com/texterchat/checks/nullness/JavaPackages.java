package com.texterchat.checks.nullness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The handwritten Java packages of the SDK's modules, read from their source trees. */
final class JavaPackages {

    /** Packages the generator writes at build time (into target/, never into a source tree). */
    static final List<String> GENERATED = List.of("com.texterchat.api", "com.texterchat.model");

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    private static final Pattern NULL_MARKED = Pattern.compile("@\\s*(?:org\\.jspecify\\.annotations\\.)?NullMarked\\b");
    private static final Pattern NULL_MARKED_IMPORT =
            Pattern.compile("\\bimport\\s+org\\.jspecify\\.annotations\\.(?:NullMarked|\\*)\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("@\\s*org\\.jspecify\\.annotations\\.NullMarked\\b");

    private JavaPackages() {
    }

    /**
     * The modules of a checkout: every directory directly under the root that has {@code src/main/java}.
     *
     * @param root the repository root
     * @return the module directories, sorted by name
     */
    static List<Path> modules(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(dir -> Files.isDirectory(dir.resolve("src/main/java"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The packages of a source tree that hold at least one Java file, by their directory. A module descriptor
     * ({@code module-info.java}, at the root) belongs to no package and is not counted.
     *
     * @param sourceRoot a {@code src/main/java} directory
     * @return the package directories, sorted
     */
    static List<Path> packageDirectories(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("module-info.java"))
                    .map(Path::getParent).distinct().sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The package name of a package directory.
     *
     * @param sourceRoot the source tree
     * @param directory  a directory in it
     * @return e.g. {@code com.texterchat.client}
     */
    static String name(Path sourceRoot, Path directory) {
        return sourceRoot.relativize(directory).toString().replace(directory.getFileSystem().getSeparator(), ".");
    }

    /**
     * Why a package is not {@code @NullMarked}, judged from its {@code package-info.java}: the annotation must sit on
     * the package declaration (not in a comment or javadoc) and be JSpecify's.
     *
     * @param directory the package directory
     * @return the reason, or empty when the package is null-marked
     */
    static Optional<String> notNullMarked(Path directory) {
        Path info = directory.resolve("package-info.java");
        if (!Files.isRegularFile(info)) {
            return Optional.of("has no package-info.java");
        }
        String code;
        try {
            code = COMMENTS.matcher(Files.readString(info, StandardCharsets.UTF_8)).replaceAll(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher declaration = PACKAGE.matcher(code);
        if (!declaration.find()) {
            return Optional.of("package-info.java has no package declaration");
        }
        if (!NULL_MARKED.matcher(code.substring(0, declaration.start())).find()) {
            return Optional.of("package-info.java does not annotate the package with @NullMarked");
        }
        if (!QUALIFIED.matcher(code).find() && !NULL_MARKED_IMPORT.matcher(code).find()) {
            return Optional.of("package-info.java uses a @NullMarked that is not org.jspecify.annotations.NullMarked");
        }
        return Optional.empty();
    }
}
