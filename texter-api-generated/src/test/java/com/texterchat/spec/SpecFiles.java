package com.texterchat.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's {@code openapi.json} and the reference material that may sit beside the checkout. */
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

    static Path openApiJson() {
        return repoRoot().resolve("openapi.json");
    }

    /** {@code ../shared/texter-api-docs/OPERATIONS.md}, present on CI and developer machines only. */
    static Path referenceOperationsMd() {
        return repoRoot().resolveSibling("shared").resolve("texter-api-docs").resolve("OPERATIONS.md");
    }
}
