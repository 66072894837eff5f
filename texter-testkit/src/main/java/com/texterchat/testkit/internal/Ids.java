package com.texterchat.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Realistic identifiers for fixtures. */
public final class Ids {

    private Ids() {
    }

    /**
     * A 24-hex-digit id shaped like Texter's (MongoDB ObjectId) ids, derived from a seed, so the same seed
     * (say, a phone number) always yields the same id across runs.
     */
    public static String objectId(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
