package com.texterchat.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** Every Java package of the DSL is {@code @NullMarked}, so Kotlin callers see real nullability, not platform types. */
class NullMarkedPackagesTest {

    @Test
    void everyJavaPackageIsNullMarked() throws IOException, URISyntaxException {
        Path classes = Path.of(Texter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> packages;
        try (Stream<Path> files = Files.walk(classes.resolve("com/texterchat/dsl"))) {
            packages = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace('/', '.'))
                    .distinct()
                    .filter(p -> !p.endsWith(".kotlin")) // Kotlin declares nullability in its own types
                    .sorted()
                    .toList();
        }

        assertThat(packages).contains("com.texterchat.dsl", "com.texterchat.dsl.internal", "com.texterchat.dsl.message",
                "com.texterchat.dsl.quickreply", "com.texterchat.dsl.scenario", "com.texterchat.dsl.template");
        for (String name : packages) {
            Package pkg = Texter.class.getClassLoader().getDefinedPackage(name);
            if (pkg == null) {
                pkg = loadAnyClass(name).getPackage();
            }
            assertThat(pkg.isAnnotationPresent(NullMarked.class)).as("@NullMarked on package %s", name).isTrue();
        }
    }

    private static Class<?> loadAnyClass(String packageName) {
        try {
            return Class.forName(packageName + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("package " + packageName + " has no package-info.java", e);
        }
    }
}
