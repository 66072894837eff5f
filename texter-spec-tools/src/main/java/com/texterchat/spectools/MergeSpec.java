package com.texterchat.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code MergeSpec <spec> <overlay> <out>}: writes {@code spec} with {@code overlay} applied to {@code out}, the
 * file every module then uses (the generator input and {@code META-INF/texter/openapi.json}). Prints one warning per
 * overlay action that found no place in the spec; {@code OverlayTest} fails the build on any for the checked-in
 * files.
 */
public final class MergeSpec {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MergeSpec() {
    }

    /**
     * Runs the merge.
     *
     * @param args the spec, the overlay and the file to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MergeSpec <spec> <overlay> <out>");
        }
        SpecOverlay.Result result = merge(Path.of(args[0]), Path.of(args[1]));
        Path out = Path.of(args[2]);
        write(result.spec(), out);
        for (String line : result.unmatched()) {
            System.out.println("[WARNING] texter-spec-tools: overlay " + args[1] + ", " + line
                    + " selects nothing in " + args[0] + "; that addition is lost");
        }
        System.out.println("[INFO] texter-spec-tools: " + args[0] + " + " + args[1] + " -> " + out);
    }

    /** Reads both files and applies the overlay. */
    public static SpecOverlay.Result merge(Path spec, Path overlay) throws IOException {
        return SpecOverlay.apply(read(spec), read(overlay));
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static void write(JsonNode spec, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, JSON.writeValueAsString(spec) + "\n");
    }
}
