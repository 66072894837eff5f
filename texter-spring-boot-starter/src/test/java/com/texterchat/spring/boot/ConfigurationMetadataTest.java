package com.texterchat.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.json.TexterJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The property metadata that IDEs complete {@code texter.*} keys from, written by spring-boot-configuration-processor
 * into the starter's jar, and the auto-configurations the jar registers.
 */
class ConfigurationMetadataTest {

    @Test
    void theStarterShipsMetadataForEveryKeyWithADescription() throws IOException {
        JsonNode metadata = starterResource("META-INF/spring-configuration-metadata.json");
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(property -> properties.put(property.path("name").asText(), property));

        assertThat(properties).containsOnlyKeys("texter.project-id", "texter.token", "texter.base-url",
                "texter.connect-timeout", "texter.read-timeout", "texter.call-timeout", "texter.max-response-size",
                "texter.log-level", "texter.retry.enabled", "texter.retry.max-retries", "texter.retry.initial-backoff",
                "texter.retry.max-backoff", "texter.retry.max-retry-after", "texter.webhook.enabled",
                "texter.webhook.path", "texter.webhook.secret", "texter.health.enabled", "texter.health.cache-for");
        assertThat(properties.values()).allSatisfy(property ->
                assertThat(property.path("description").asText()).as(property.path("name").asText()).isNotBlank());
        assertThat(properties.get("texter.token").path("description").asText()).contains("TEXTER_API_TOKEN");
        assertThat(properties.get("texter.webhook.path").path("defaultValue").asText()).isEqualTo("/texter/webhook");
        assertThat(properties.get("texter.health.cache-for").path("type").asText()).isEqualTo("java.time.Duration");
        assertThat(properties.get("texter.log-level").path("type").asText())
                .isEqualTo("com.texterchat.client.HttpLogLevel");
    }

    @Test
    void theStarterRegistersItsAutoConfigurations() throws IOException {
        List<String> imports = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
            try (InputStream in = url.openStream()) {
                imports.addAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(line -> line.startsWith("com.texterchat.spring.boot.")
                                && !line.startsWith("com.texterchat.spring.boot.test.")).toList());
            }
        }
        assertThat(imports).containsExactlyInAnyOrder(TexterAutoConfiguration.class.getName(),
                TexterWebhookAutoConfiguration.class.getName(), TexterHealthAutoConfiguration.class.getName());
    }

    /** The resource of that name in the starter's own output (Spring Boot's jars carry files of the same name). */
    private static JsonNode starterResource(String name) throws IOException {
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader().getResources(name))) {
            try (InputStream in = url.openStream()) {
                JsonNode json = TexterJson.mapper().readTree(in);
                for (JsonNode group : json.path("groups")) {
                    if (group.path("sourceType").asText().equals(TexterProperties.class.getName())) {
                        return json;
                    }
                }
            }
        }
        throw new AssertionError("no " + name + " describes " + TexterProperties.class.getName());
    }
}
