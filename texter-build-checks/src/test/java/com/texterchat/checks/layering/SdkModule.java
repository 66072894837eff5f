package com.texterchat.checks.layering;

import com.tngtech.archunit.core.domain.JavaClass;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's modules, bottom to top. A class belongs to the module it was loaded from: the module's
 * {@code target/classes} directory or its jar (in the reactor or a local repository), never its package name
 * ({@code com.texterchat.Texter} lives in texter-dsl, {@code com.texterchat.api} in texter-api-generated).
 */
enum SdkModule {
    /** Build-time spec tools (never published): they use no module of the SDK, and no SDK module depends on them. */
    SPEC_TOOLS("texter-spec-tools"),
    API_GENERATED("texter-api-generated"),
    CLIENT("texter-client"),
    DSL("texter-dsl"),
    SPRING_BOOT_STARTER("texter-spring-boot-starter"),
    TESTKIT("texter-testkit"),
    SPRING_BOOT_TEST("texter-spring-boot-test"),
    EXAMPLES("texter-examples"),
    /** The Spring Boot example: the examples' layer, on the Spring Boot starter. */
    EXAMPLES_SPRING("texter-examples-spring");

    /** {@code .../texter-client/target/classes/...} or {@code .../texter-client-0.1.0-SNAPSHOT.jar!/...}. */
    private static final Pattern LOCATION =
            Pattern.compile("/(texter-[a-z]+(?:-[a-z]+)*)(?:/target/classes/|-\\d[^/!]*\\.jar!/)");

    private final String artifactId;

    SdkModule(String artifactId) {
        this.artifactId = artifactId;
    }

    String artifactId() {
        return artifactId;
    }

    /** Whether this module may use classes of {@code other}: its own module, or one below it. */
    boolean mayUse(SdkModule other) {
        return other.ordinal() <= ordinal();
    }

    /**
     * The module a class was loaded from.
     *
     * @return empty for classes not imported from a location (JDK and library classes only referenced)
     */
    static Optional<SdkModule> of(JavaClass javaClass) {
        return javaClass.getSource().flatMap(source -> of(source.getUri()));
    }

    static Optional<SdkModule> of(URI location) {
        Matcher matcher = LOCATION.matcher(location.toString());
        if (!matcher.find()) {
            return Optional.empty();
        }
        String artifactId = matcher.group(1);
        return Arrays.stream(values()).filter(module -> module.artifactId.equals(artifactId)).findFirst();
    }
}
