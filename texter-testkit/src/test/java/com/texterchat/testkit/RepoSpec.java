package com.texterchat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The repository's {@code openapi.json} with {@code openapi-overlay.json} applied (the file texter-api-generated
 * writes and packages), read on its own (not through the test kit), so tests compare the server against the
 * source of truth rather than against the kit's reading of it.
 */
public final class RepoSpec {

    private static final Path REPOSITORY = repositoryRoot();
    private static final JsonNode ROOT = read();

    private RepoSpec() {
    }

    /** The parsed spec. */
    public static JsonNode root() {
        return ROOT;
    }

    /** The folder of Texter's 19 official subscription documents (copied into the DSL's test resources). */
    public static Path officialSubscriptionDocuments() {
        return REPOSITORY.resolve("texter-dsl/src/test/resources/reference/subscriptions");
    }

    /** The file names in {@link #officialSubscriptionDocuments()}, sorted. */
    public static TreeSet<String> officialSubscriptionFileNames() {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(officialSubscriptionDocuments())) {
            list.map(p -> p.getFileName().toString()).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The event names of the spec's webhook-event table ({@code x-texter-webhook-events}), sorted. */
    public static TreeSet<String> webhookEventNames() {
        TreeSet<String> events = new TreeSet<>();
        ROOT.path("x-texter-webhook-events").forEach(e -> events.add(e.path("eventName").asText()));
        return events;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("openapi.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("openapi.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(
                    REPOSITORY.resolve("texter-api-generated/target/openapi/openapi.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
