package com.texterchat.spectools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The official-file rehearsal: Texter's file will have none of the SDK's additions. Our {@code openapi.json}
 * stripped of everything of the kinds the overlay holds ({@link SpecOverlay#strip}), plus the overlay, must give the
 * same merged spec as today's files, which is what the generator, the client's operation catalog and the test kit's
 * stubs are all built from (texter-api-generated packages it as {@code META-INF/texter/openapi.json}).
 */
class OverlayRehearsalTest {

    @Test
    void everyActionOfTheOverlayFindsItsPlace() {
        assertThat(SpecOverlay.apply(Repo.spec(), Repo.overlay()).unmatched())
                .as("overlay actions whose target is not in openapi.json (fix the target or drop the action)")
                .isEmpty();
    }

    @Test
    void aStrippedSpecPlusTheOverlayIsTodaysMergedSpec() {
        JsonNode stripped = SpecOverlay.strip(Repo.spec());
        SpecOverlay.Result rehearsal = SpecOverlay.apply(stripped, Repo.overlay());
        assertThat(rehearsal.unmatched()).isEmpty();
        assertThat(JsonDiff.firstDifference(Repo.merged(), rehearsal.spec()))
                .as("openapi.json holds an addition of ours that the overlay does not (move it into "
                        + "openapi-overlay.json); first difference")
                .isEmpty();
    }

    @Test
    void theOverlayHoldsEveryAdditionOfOursAndNothingOfTexters() {
        JsonNode merged = Repo.merged();
        // Nothing of ours is left in openapi.json ...
        assertThat(JsonDiff.firstDifference(SpecOverlay.strip(Repo.spec()), Repo.spec())).isEmpty();
        // ... and the overlay adds nothing but ours: stripping the merged spec gives openapi.json back.
        assertThat(JsonDiff.firstDifference(Repo.spec(), SpecOverlay.strip(merged))).isEmpty();
        // What the SDK relies on comes from the overlay.
        assertThat(merged.at("/paths/~1labels/post/x-texter-scopes").isArray()).isTrue();
        assertThat(merged.path("x-texter-webhook-events").size()).isPositive();
    }
}
