package com.texterchat.spectools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change report on the fixture specs: each fixture (src/test/resources/fixtures) is an Overlay applied to the
 * repository's openapi.json, giving a changed Texter file; the report of that file must name the change, and the
 * handwritten code that still uses what it takes away.
 */
class SpecDiffReportTest {

    private static JsonNode current;

    @BeforeAll
    static void load() {
        current = Repo.merged();
    }

    /** The report of openapi.json changed by the fixture, then merged with our overlay, scanned under root. */
    private static SpecDiffReport.Report report(String fixture, Path root) {
        JsonNode changed = SpecOverlay.apply(Repo.spec(), Repo.read(fixturePath(fixture))).spec();
        SpecOverlay.Result next = SpecOverlay.apply(changed, Repo.overlay());
        return SpecDiffReport.report("openapi.json", fixture, current, next, root, null);
    }

    private static Path fixturePath(String fixture) {
        return Repo.root().resolve("texter-spec-tools/src/test/resources/fixtures").resolve(fixture);
    }

    private static List<String> summaries(SpecDiffReport.Report report) {
        return report.changes().stream().map(c -> (c.breaking() ? "breaking " : "compatible ") + c.summary()).toList();
    }

    @Test
    void anAddedOperationAndFieldAreCompatibleAndNamed() {
        SpecDiffReport.Report report = report("added-operation.json", Repo.root());
        assertThat(summaries(report)).containsExactlyInAnyOrder(
                "compatible operation added: archiveLabel (POST /labels/{labelId}/archive)",
                "compatible field added: Label.archived");
        assertThat(report.hits()).isEmpty();
        assertThat(report.lostAdditions()).isEmpty();
        assertThat(report.markdown()).contains("openapi-diff verdict: backward compatible")
                .contains("/labels/{labelId}/archive");
        assertThat(report.console()).contains("operation added: archiveLabel");
    }

    @Test
    void aRemovedFieldIsBreakingAndTheCodeUsingItsGetterIsShown(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("UsesLabel.java"), """
                class UsesLabel {
                    String colour(com.texterchat.model.Label label) {
                        return label.getColor();
                    }
                }
                """);
        Files.writeString(sources.resolve("Unrelated.java"), "class Unrelated { String c(Car car) { return car.getColor(); } }\n");
        SpecDiffReport.Report report = report("removed-field.json", sources);
        assertThat(summaries(report)).containsExactly(
                "breaking field removed: Label.color (getColor(), color(...) are gone)");
        assertThat(report.hits()).extracting(SourceScan.Hit::where).containsExactly("UsesLabel.java:3");
        // openapi-diff calls a field gone from an answer compatible (for the wire); for the SDK its getter is gone
        assertThat(report.markdown()).contains("- [breaking] field removed: Label.color").contains("`color`");
    }

    @Test
    void anEnumRenameReportsTheRemovedConstantAndEveryHandwrittenUseOfIt() {
        SpecDiffReport.Report report = report("enum-rename.json", Repo.root());
        assertThat(summaries(report)).contains(
                "breaking enum value removed: ChatStatusName PENDING (ChatStatusName.PENDING is gone; a server still"
                        + " sending it decodes to UNKNOWN)",
                "breaking enum value removed: ChatStatusName BULK (ChatStatusName.BULK is gone; a server still"
                        + " sending it decodes to UNKNOWN)",
                "compatible enum value added: ChatStatusName BULK_SEND (ChatStatusName.BULK_SEND)");
        // the test kit's and the examples' own uses of the constant that goes
        assertThat(report.hits()).extracting(SourceScan.Hit::where).contains(
                "texter-testkit/src/test/java/com/texterchat/testkit/TexterRequestsTest.java:103",
                "texter-examples/src/test/kotlin/com/texterchat/examples/readme/ReadmeKotlinSnippets.kt:136");
        assertThat(report.console()).contains("ChatStatusName.PENDING  | ");
    }

    @Test
    void aOneForOneEnumRenameSaysWhatItProbablyBecame() {
        JsonNode renamed = current.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) renamed.at("/components/schemas/ChatStatusName/enum"))
                .remove(4);
        ((com.fasterxml.jackson.databind.node.ArrayNode) renamed.at("/components/schemas/ChatStatusName/enum"))
                .add("BULK_SEND");
        assertThat(SpecChanges.between(current, renamed)).extracting(SpecChanges.Change::summary).contains(
                "enum value removed: ChatStatusName BULK (ChatStatusName.BULK is gone; renamed to BULK_SEND? A server"
                        + " still sending \"BULK\" decodes to UNKNOWN)");
    }

    @Test
    void aNewRequiredParameterIsBreaking() {
        SpecDiffReport.Report report = report("new-required-parameter.json", Repo.root());
        assertThat(summaries(report)).containsExactly("breaking required parameter added to getLabel: query workspace"
                + " (the generated method takes one more argument)");
        assertThat(report.markdown()).contains("workspace").contains("BREAKING");
    }

    @Test
    void aChangedPathIsBreakingAndOurAdditionsForTheOldPathAreReportedLost() {
        SpecDiffReport.Report report = report("changed-path.json", Repo.root());
        assertThat(summaries(report)).containsExactly("breaking operation moved: generatePublicMediaUrl"
                + " POST /files/share/{fileId} -> POST /files/{fileId}/share");
        assertThat(report.lostAdditions()).containsExactly("action 10: $.paths['/files/share/{fileId}'].post");
        assertThat(report.markdown()).contains("/files/{fileId}/share").contains("would be lost): 1");
    }

    @Test
    void theSameSpecReportsNoChange() {
        SpecDiffReport.Report report = SpecDiffReport.report("a", "b", current,
                SpecOverlay.apply(Repo.spec(), Repo.overlay()), Repo.root(), "japicmp says: nothing");
        assertThat(report.changes()).isEmpty();
        assertThat(report.markdown()).contains("openapi-diff verdict: no changes").contains("- none")
                .contains("# Java API of texter-api-generated (japicmp)\n\njapicmp says: nothing");
    }
}
