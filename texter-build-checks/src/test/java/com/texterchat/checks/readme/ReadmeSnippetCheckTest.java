package com.texterchat.checks.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's rules, each fed a small repository that breaks it. */
class ReadmeSnippetCheckTest {

    private static final String MARK = "// readme:";
    private static final String PARENT_POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modules>
                <module>lib</module>
                <module>kt</module>
              </modules>
              <profiles>
                <profile>
                  <modules><module>bench</module></modules>
                </profile>
              </profiles>
            </project>
            """;
    private static final String KOTLIN_POM = """
            <project>
              <build><plugins><plugin><artifactId>kotlin-maven-plugin</artifactId></plugin></plugins></build>
            </project>
            """;

    @TempDir
    Path root;

    @BeforeEach
    void aRepositoryWithAJavaModuleAKotlinModuleAndAProfileModule() throws IOException {
        write("pom.xml", PARENT_POM);
        write("openapi.json", "{}");
        write("lib/pom.xml", "<project/>");
        write("kt/pom.xml", KOTLIN_POM);
        write("bench/pom.xml", "<project/>");
        write("lib/src/test/java/Snippets.java", """
                class Snippets {
                    void send(Texter texter) {
                        %sstart send
                        texter.sendText(chatId, "Hi");
                        texter.sendText(chatId, "Bye");
                        %send
                    }
                }
                """.formatted(MARK, MARK));
    }

    @Test
    void aBlockEqualToARegionPassesWhateverItsIndentation() throws IOException {
        write("README.md", readme("java", "    texter.sendText(chatId, \"Hi\");", "    texter.sendText(chatId, \"Bye\");"));

        assertThat(problems()).isEmpty();
    }

    @Test
    void aBlockThatDiffersFromEveryRegionIsNamedWithTheClosestRegionAndTheFirstDifference() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");", "texter.sendText(chatId, \"Ciao\");"));

        assertThat(problems()).filteredOn(p -> p.startsWith("README.md")).singleElement().asString()
                .startsWith("README.md:3: java block 'texter.sendText(chatId, \"Hi\");' is no readme:start")
                .contains("closest is region send (lib/src/test/java/Snippets.java:3)")
                .contains("first difference at block line 2: README has 'texter.sendText(chatId, \"Ciao\");',"
                        + " region has 'texter.sendText(chatId, \"Bye\");'");
    }

    @Test
    void aBlockThatIsOnlyPartOfARegionDoesNotMatch() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");"));

        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith("README.md:3: java block"))
                .anySatisfy(p -> assertThat(p).contains("region send is shown by no README.md"));
    }

    @Test
    void aRegionNoDocumentShowsIsReported() throws IOException {
        write("README.md", "# Nothing to see\n");

        assertThat(problems()).containsExactly("lib/src/test/java/Snippets.java:3: region send is shown by no"
                + " README.md or ARCHITECTURE.md block; show it or remove the markers");
    }

    @Test
    void kotlinBlocksAreCheckedAgainstKotlinSourcesOfModulesThatCompileKotlin() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");", "texter.sendText(chatId, \"Bye\");")
                + readme("kotlin", "texter.sendText(chatId, \"Hej\")"));
        write("kt/src/test/kotlin/Snippets.kt", regionFile("hej", "texter.sendText(chatId, \"Hej\")"));
        assertThat(problems()).isEmpty();

        // The same file in a module without the Kotlin compiler is not compiled, so it does not count.
        Files.delete(root.resolve("kt/src/test/kotlin/Snippets.kt"));
        write("lib/src/test/kotlin/Snippets.kt", regionFile("hej", "texter.sendText(chatId, \"Hej\")"));
        assertThat(problems()).singleElement().asString().startsWith("README.md:10: kotlin block");
    }

    @Test
    void sourcesOfModulesOutsideTheDefaultBuildAndBuildOutputDoNotCount() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");", "texter.sendText(chatId, \"Bye\");")
                + readme("java", "bench();"));
        write("bench/src/main/java/Bench.java", regionFile("bench", "bench();"));
        write("lib/target/generated-sources/Gen.java", regionFile("bench", "bench();"));

        assertThat(problems()).singleElement().asString().startsWith("README.md:10: java block 'bench();'");
    }

    @Test
    void everyReadmeAndArchitectureDocumentIsRead() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");", "texter.sendText(chatId, \"Bye\");"));
        write("ARCHITECTURE.md", readme("java", "architecture();"));
        write("lib/README.md", readme("kotlin", "module()"));
        write("lib/target/README.md", readme("java", "ignored();"));
        write("NOTES.md", readme("java", "ignored();"));

        assertThat(problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("ARCHITECTURE.md:3: java block 'architecture();'"))
                .anySatisfy(p -> assertThat(p).startsWith("lib/README.md:3: kotlin block 'module()'"));
    }

    @Test
    void blocksInOtherLanguagesAreNotCompiledButABlockWithoutALanguageIsReported() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");", "texter.sendText(chatId, \"Bye\");")
                + readme("bash", "./mvnw -B verify") + readme("gradle", "testImplementation(\"x\")")
                + readme("kts", "implementation(\"x\")") + readme("", "untagged();"));

        assertThat(problems()).containsExactly("README.md:28: code block without a language (untagged();); tag it"
                + " (java, kotlin, bash, xml, gradle, text, ...)");
    }

    @Test
    void fencesInsideListsAndLongerFencesAreRead() throws IOException {
        write("README.md", """
                - Sending:

                  ````Java title="x"
                  texter.sendText(chatId, "Hi");
                  ```
                  texter.sendText(chatId, "Bye");
                  ````
                """);

        assertThat(problems()).filteredOn(p -> p.startsWith("README.md")).singleElement().asString()
                .startsWith("README.md:3: java block 'texter.sendText(chatId, \"Hi\");'")
                .contains("README has '```'");
    }

    @Test
    void anUnclosedFenceIsReported() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");", "texter.sendText(chatId, \"Bye\");")
                + "```java\nnever closed\n");

        assertThat(problems()).containsExactly("README.md:8: the code fence ```java is never closed");
    }

    @Test
    void brokenMarkersAreReported() throws IOException {
        write("README.md", readme("java", "texter.sendText(chatId, \"Hi\");", "texter.sendText(chatId, \"Bye\");")
                + readme("java", "b();"));
        write("lib/src/main/java/Broken.java", String.join("\n",
                MARK + "start a", "a();", MARK + "start b", "b();", MARK + "end",  // nested
                MARK + "end",                                                        // end without start
                MARK + "start", "// readme: end",                                    // no id; spaced marker
                MARK + "start c", "c();") + "\n");                                   // never ended
        write("lib/src/main/java/Twice.java", regionFile("b", "b();"));

        assertThat(problems()).containsExactlyInAnyOrder(
                "lib/src/main/java/Broken.java:3: readme:start b inside region a (started at line 1); regions do not"
                        + " nest",
                "lib/src/main/java/Broken.java:6: readme:end without a readme:start before it",
                "lib/src/main/java/Broken.java:7: malformed README marker '// readme:start'; write"
                        + " '// readme:start <id>' or '// readme:end', alone on the line",
                "lib/src/main/java/Broken.java:8: malformed README marker '// readme: end'; write"
                        + " '// readme:start <id>' or '// readme:end', alone on the line",
                "lib/src/main/java/Broken.java:9: readme:start c has no readme:end",
                "lib/src/main/java/Twice.java:1: region id b is already used at lib/src/main/java/Broken.java:3");
    }

    private List<String> problems() {
        return ReadmeSnippetCheck.problems(new Repository(root));
    }

    private static String readme(String language, String... lines) {
        return "# Title\n\n```" + language + "\n" + String.join("\n", lines) + "\n```\n\n";
    }

    private static String regionFile(String id, String... lines) {
        return MARK + "start " + id + "\n" + String.join("\n", lines) + "\n" + MARK + "end\n";
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
