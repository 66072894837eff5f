package com.texterchat.checks.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * texter-bom has no parent (it must not pass on the parent's managed Jackson, JUnit and Kotlin versions), so what it
 * repeats of the parent is checked here: its version, the published modules it lists, its metadata and its plugin
 * versions.
 */
class BomTest {

    private static final Path ROOT = root();
    private final Pom parent = Pom.read(ROOT.resolve("pom.xml"));
    private final Pom bom = Pom.read(ROOT.resolve("texter-bom/pom.xml"));

    @Test
    void theBomHasTheParentsVersionAndNoParent() {
        assertThat(bom.text("parent")).as("texter-bom must not inherit the parent's dependencyManagement").isNull();
        assertThat(bom.version()).isEqualTo(parent.version());
        assertThat(parent.modules()).contains("texter-bom");
    }

    @Test
    void theBomListsExactlyThePublishedModules() {
        List<String> published = publishedJarModules();

        assertThat(published).as("published jar modules").contains("texter-client", "texter-dsl");
        assertThat(bom.managedArtifactIds()).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void theBomCarriesTheParentsReleaseMetadata() {
        String url = parent.properties().get("texter.project.url");
        assertThat(url).isNotBlank();
        assertThat(bom.text("url")).isEqualTo(url);
        assertThat(bom.text("scm/url")).isEqualTo(url);
        assertThat(bom.text("issueManagement/url")).isEqualTo(url + "/issues");
        assertThat(bom.text("licenses/license/name")).isEqualTo(parent.text("licenses/license/name"))
                .isEqualTo("Apache License, Version 2.0");
        assertThat(bom.text("developers/developer/name")).isEqualTo(parent.text("developers/developer/name"));
        assertThat(bom.properties().get("project.build.outputTimestamp"))
                .isEqualTo(parent.properties().get("project.build.outputTimestamp"));
        assertThat(ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
    }

    @Test
    void theBomsPluginVersionsAreTheParents() {
        Map<String, String> properties = parent.properties();

        assertThat(bom.managedPluginVersions()).isNotEmpty().allSatisfy((plugin, version) ->
                assertThat(version).as(plugin).isEqualTo(properties.get(plugin + ".version")));
    }

    /** Every jar module of the reactor (nested aggregators included) that deploys, by artifactId. */
    private List<String> publishedJarModules() {
        List<String> published = new ArrayList<>();
        collect(parent, published);
        return published;
    }

    private static void collect(Pom aggregator, List<String> published) {
        for (String module : aggregator.modules()) {
            Pom pom = Pom.read(aggregator.directory().resolve(module).resolve("pom.xml"));
            boolean deploys = !"true".equals(pom.properties().get("maven.deploy.skip"));
            if (pom.packaging().equals("jar") && deploys) {
                published.add(pom.artifactId());
            }
            if (deploys) {
                collect(pom, published);
            }
        }
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("texter-bom")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
