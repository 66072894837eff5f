package com.texterchat.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's version and the {@code User-Agent} it sends. */
public final class SdkVersion {

    /** Where Maven records the artifact's version inside the jar. */
    static final String POM_PROPERTIES = "/META-INF/maven/com.texterchat/texter-client/pom.properties";

    private static final String VERSION = read();

    private SdkVersion() {
    }

    /**
     * The SDK version, e.g. {@code 0.1.0}; {@code "dev"} when running from classes that were not packaged.
     *
     * @return the version
     */
    public static String version() {
        return VERSION;
    }

    /**
     * The {@code User-Agent} header value, e.g. {@code texter-java-sdk/0.1.0 (Java 17.0.15)}.
     *
     * @return the user agent
     */
    public static String userAgent() {
        return "texter-java-sdk/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    static String versionFrom(Properties pom) {
        String version = pom.getProperty("version", "").trim();
        return version.isEmpty() ? "dev" : version;
    }

    private static String read() {
        try (InputStream in = SdkVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            Properties pom = new Properties();
            if (in != null) {
                pom.load(in);
            }
            return versionFrom(pom);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM_PROPERTIES, e);
        }
    }
}
