package com.texterchat.testkit.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.TexterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the simulator's own answers are checked against the spec. */
class SimResponderTest {

    private final SimResponder responder = new SimResponder(new SimOperations(
            new SimModel(Instant::now, "IL", SimSeed.of(JsonNodeFactory.instance.objectNode()))));

    private List<Integer> checkedOf(SpecOperation operation, int answers) {
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            if (responder.checksAnswer(operation)) {
                checked.add(i);
            }
        }
        return checked;
    }

    @Test
    void theFirstHundredAnswersOfAnOperationAreAllCheckedThenOneInAHundred() {
        SpecOperation send = TexterSpec.get().operation("sendMessage");
        List<Integer> checked = checkedOf(send, 1000);
        assertThat(checked).hasSize(100 + 9).startsWith(0, 1, 2).contains(99, 100, 200, 900)
                .doesNotContain(101, 150, 999);
    }

    @Test
    void eachOperationCountsForItselfAndTheResetStartsOver() {
        SpecOperation send = TexterSpec.get().operation("sendMessage");
        SpecOperation labels = TexterSpec.get().operation("listLabels");
        checkedOf(send, 150);
        assertThat(responder.checksAnswer(labels)).isTrue();
        assertThat(responder.checksAnswer(send)).isFalse();

        responder.reset();
        assertThat(checkedOf(send, 100)).hasSize(100);
    }
}
