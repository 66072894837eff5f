package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The version in the User-Agent comes from Maven's pom.properties inside the jar. */
class SdkVersionTest {

    @Test
    void theVersionIsReadFromPomPropertiesOrIsDev() {
        Properties pom = new Properties();
        assertThat(SdkVersion.versionFrom(pom)).isEqualTo("dev");
        pom.setProperty("version", " 1.4.2 ");
        assertThat(SdkVersion.versionFrom(pom)).isEqualTo("1.4.2");
        assertThat(SdkVersion.userAgent()).startsWith("texter-java-sdk/" + SdkVersion.version() + " (Java ");
    }
}
