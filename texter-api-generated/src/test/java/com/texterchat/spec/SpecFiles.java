package com.texterchat.spec;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the spec the module was built from (the repository's {@code openapi.json} with {@code openapi-overlay.json}
 * applied, as packaged into {@code META-INF/texter/openapi.json}), the repository's files, and the reference material
 * that may sit beside the checkout.
 */
final class SpecFiles {

    private SpecFiles() {
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("openapi.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("openapi.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The merged spec: what the generator read and what the jar carries. */
    static Path openApiJson() {
        URL merged = SpecFiles.class.getResource("/META-INF/texter/openapi.json");
        if (merged == null) {
            throw new IllegalStateException("META-INF/texter/openapi.json is not on the test class path");
        }
        try {
            return Path.of(merged.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ../shared/texter-api-docs/OPERATIONS.md}, present on CI and developer machines only. */
    static Path referenceOperationsMd() {
        return repoRoot().resolveSibling("shared").resolve("texter-api-docs").resolve("OPERATIONS.md");
    }
}
