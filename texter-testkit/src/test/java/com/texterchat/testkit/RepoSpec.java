package com.texterchat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code openapi.json} with {@code openapi-overlay.json} applied (the file texter-api-generated
 * writes and packages), read on its own (not through the test kit), so tests compare the server against the
 * source of truth rather than against the kit's reading of it.
 */
public final class RepoSpec {

    private static final JsonNode ROOT = read();

    private RepoSpec() {
    }

    /** The parsed spec. */
    public static JsonNode root() {
        return ROOT;
    }

    private static JsonNode read() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("openapi.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("openapi.json not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return new ObjectMapper().readTree(dir.resolve("texter-api-generated/target/openapi/openapi.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
