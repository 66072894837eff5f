package com.texterchat.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's spec files, found above the working directory. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("openapi-overlay.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("openapi-overlay.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode spec() {
        return read(root().resolve("openapi.json"));
    }

    static JsonNode overlay() {
        return read(root().resolve("openapi-overlay.json"));
    }

    static JsonNode merged() {
        return SpecOverlay.apply(spec(), overlay()).spec();
    }
}
