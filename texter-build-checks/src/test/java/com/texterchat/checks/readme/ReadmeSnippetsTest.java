package com.texterchat.checks.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Java and Kotlin snippet of the repository's READMEs and of ARCHITECTURE.md is code the build compiles:
 * a {@code readme:start <id>} ... {@code readme:end} region of a source file, kept verbatim.
 *
 * <p>To change a snippet, change the region (next to a test that runs it where that is cheap), then paste it into
 * the document; the failure message names the block, the closest region and the first line that differs.
 */
class ReadmeSnippetsTest {

    private final Repository repository = Repository.current();

    @Test
    void everyJavaAndKotlinBlockIsACompiledRegionAndEveryRegionIsShown() {
        List<String> problems = ReadmeSnippetCheck.problems(repository);

        assertThat(problems).as("README snippet problems").isEmpty();
    }

    @Test
    void theCheckSeesTheDocumentsAndSourcesItIsAbout() {
        Path root = repository.root();

        assertThat(repository.documents()).extracting(root::relativize).extracting(Path::toString)
                .contains("README.md", "ARCHITECTURE.md", "texter-testkit/README.md", "texter-benchmarks/README.md");
        assertThat(repository.compiledSources()).extracting(root::relativize).extracting(Path::toString)
                .contains("texter-examples/src/test/java/com/texterchat/examples/readme/ReadmeSnippets.java",
                        "texter-dsl/src/main/kotlin/com/texterchat/dsl/kotlin/Messages.kt")
                .noneMatch(path -> path.startsWith("texter-benchmarks/")) // only built with -Pbenchmarks
                .noneMatch(path -> path.contains("/target/"));
    }
}
