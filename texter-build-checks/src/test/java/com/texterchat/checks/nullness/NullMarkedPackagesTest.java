package com.texterchat.checks.nullness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every handwritten Java package of every module is {@code @NullMarked}, so Kotlin callers (and nullness checkers)
 * see real nullability instead of platform types. The source trees are scanned, so a new package or a new module
 * is covered without listing it here, texter-benchmarks included (it is built only with {@code -Pbenchmarks});
 * for the modules on this test's class path the compiled {@code package-info} must carry the annotation as well.
 * The generated packages ({@link JavaPackages#GENERATED}) are written into target/ and annotate each declaration.
 */
class NullMarkedPackagesTest {

    /** Modules whose classes are not on this test's class path: benchmarks are built only with -Pbenchmarks. */
    private static final List<String> SOURCE_ONLY_MODULES = List.of("texter-benchmarks");

    @Test
    void everyHandwrittenJavaPackageOfEveryModuleIsNullMarked() {
        Path root = repositoryRoot();
        List<Path> modules = JavaPackages.modules(root);
        assertThat(modules).extracting(module -> module.getFileName().toString())
                .contains("texter-client", "texter-dsl", "texter-testkit", "texter-examples", "texter-benchmarks");

        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Path module : modules) {
            String moduleName = module.getFileName().toString();
            Path sources = module.resolve("src/main/java");
            for (Path directory : JavaPackages.packageDirectories(sources)) {
                String pkg = JavaPackages.name(sources, directory);
                if (JavaPackages.GENERATED.contains(pkg)) {
                    problems.add(moduleName + ": " + pkg + " is a generated package; it must not be in src/main/java");
                    continue;
                }
                checked.add(pkg);
                Optional<String> reason = JavaPackages.notNullMarked(directory);
                if (reason.isPresent()) {
                    problems.add(moduleName + ": package " + pkg + " " + reason.get() + " ("
                            + root.relativize(directory) + ")");
                } else if (!SOURCE_ONLY_MODULES.contains(moduleName) && !annotatedAtRuntime(pkg)) {
                    problems.add(moduleName + ": package " + pkg + " is not @NullMarked in the compiled classes");
                }
            }
        }

        assertThat(checked).as("packages found").contains("com.texterchat", "com.texterchat.client",
                "com.texterchat.client.internal", "com.texterchat.testkit", "com.texterchat.examples",
                "com.texterchat.benchmarks");
        assertThat(problems).as("packages that are not @NullMarked").isEmpty();
    }

    @Test
    void aPackageInfoIsNullMarkedOnlyByJSpecifysAnnotationOnItsDeclaration(@TempDir Path dir) throws IOException {
        assertThat(JavaPackages.notNullMarked(dir)).contains("has no package-info.java");

        write(dir, "/** Says {@code @NullMarked} in its javadoc only. */\npackage a.b;\n");
        assertThat(JavaPackages.notNullMarked(dir)).contains(
                "package-info.java does not annotate the package with @NullMarked");

        write(dir, "// @NullMarked\npackage a.b;\n\nimport org.jspecify.annotations.NullMarked;\n");
        assertThat(JavaPackages.notNullMarked(dir)).contains(
                "package-info.java does not annotate the package with @NullMarked");

        write(dir, "@NullMarked\npackage a.b;\n\nimport other.NullMarked;\n");
        assertThat(JavaPackages.notNullMarked(dir)).contains(
                "package-info.java uses a @NullMarked that is not org.jspecify.annotations.NullMarked");

        write(dir, "/** Docs. */\n@NullMarked\npackage a.b;\n\nimport org.jspecify.annotations.NullMarked;\n");
        assertThat(JavaPackages.notNullMarked(dir)).isEmpty();

        write(dir, "@org.jspecify.annotations.NullMarked\npackage a.b;\n");
        assertThat(JavaPackages.notNullMarked(dir)).isEmpty();
    }

    @Test
    void packagesAreTheDirectoriesHoldingJavaFilesButNotTheModuleDescriptor(@TempDir Path sources) throws IOException {
        Files.createDirectories(sources.resolve("a/b/c"));
        Files.writeString(sources.resolve("a/b/One.java"), "package a.b; class One {}");
        Files.writeString(sources.resolve("a/b/c/notes.txt"), "no Java here");
        Files.writeString(sources.resolve("module-info.java"), "module a { exports a.b; }");

        assertThat(JavaPackages.packageDirectories(sources)).extracting(d -> JavaPackages.name(sources, d))
                .containsExactly("a.b");
    }

    private static boolean annotatedAtRuntime(String pkg) {
        try {
            return Class.forName(pkg + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void write(Path dir, String packageInfo) throws IOException {
        Files.writeString(dir.resolve("package-info.java"), packageInfo);
    }

    /** This module's parent directory: the checkout with every module (surefire runs tests in the module). */
    private static Path repositoryRoot() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertThat(root.resolve("openapi.json")).as("repository root %s", root).isRegularFile();
        return root;
    }
}
