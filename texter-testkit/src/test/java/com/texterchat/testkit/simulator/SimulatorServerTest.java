package com.texterchat.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.client.error.TexterBadRequestException;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.Label;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.SpecViolation;
import com.texterchat.testkit.junit.TexterTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stub mode's machinery on the simulator: faults win, stubs override, the spec check guards both ways. */
@TexterTest(simulator = true)
class SimulatorServerTest {

    @Test
    void aFaultWinsOverTheModelAndTheNextCallReachesIt(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage("0521234567", "Hi").getParentChat();
        simulator.fault("sendMessage").times(1).status(503);
        SessionMessage hello = new SessionMessage().type(OutgoingMessageType.TEXT).text("Hello");

        assertThatThrownBy(() -> texter.messages().sendMessage(chatId, hello)).isInstanceOf(TexterServerException.class);
        texter.messages().sendMessage(chatId, hello);

        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages()).hasSize(2);
        assertThat(simulator.verify().count("sendMessage")).isEqualTo(2);
    }

    @Test
    void aLatencyFaultStillAnswersFromTheModel(TexterSimulator simulator, Texter texter) {
        texter.labels().createLabel(new CreateLabelRequest().id("VIP").name("VIP"));
        simulator.fault("listLabels").latency(Duration.ofMillis(50));
        assertThat(texter.labels().listLabels(null, null).getLabels()).extracting(Label::getId).containsExactly("VIP");
    }

    @Test
    void aStubbedAnswerOverridesTheModel(TexterSimulator simulator, Texter texter) {
        texter.labels().createLabel(new CreateLabelRequest().id("VIP").name("VIP"));
        simulator.stubs().labels(new Label().id("stubbed").name("Stubbed"));
        assertThat(texter.labels().listLabels(null, null).getLabels()).extracting(Label::getId)
                .containsExactly("stubbed");
        simulator.reset();
        assertThat(texter.labels().listLabels(null, null).getLabels()).isEmpty();
    }

    @Test
    void aRequestTexterWouldRefuseNeverReachesTheModel(TexterSimulator simulator, Texter texter) {
        simulator.allowSpecViolations("createLabel");
        assertThatThrownBy(() -> texter.labels().createLabel(new CreateLabelRequest().id("VIP").name("")))
                .isInstanceOf(TexterBadRequestException.class);
        assertThat(texter.labels().listLabels(null, null).getTotal()).isZero();
    }

    @Test
    void theModelsAnswersAreCheckedAgainstTheSpec() {
        // a seeded label without its name is something Texter never answers: listing it is a violation
        try (TexterSimulator simulator = TexterSimulator.builder()
                .seedJson("{\"labels\": [{\"id\": \"nameless\"}]}").start()) {
            simulator.texter().labels().listLabels(null, null);
            assertThat(simulator.verify().specViolations()).singleElement().satisfies(v -> {
                assertThat(v.source()).isEqualTo(SpecViolation.Source.STUB);
                assertThat(v.operationId()).contains("listLabels");
                assertThat(v.toString()).contains("/labels/0/name");
            });
        }
    }

    @Test
    void aSeedWithAnUnknownKeyOrBadValueIsRefused() {
        assertThatThrownBy(() -> TexterSimulator.builder().seedJson("{\"chat\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown seed key 'chat'");
        assertThatThrownBy(() -> TexterSimulator.builder().seedJson("{\"clock\": \"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> TexterSimulator.builder().chat("not a phone", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> TexterSimulator.builder().seedJson(
                "{\"chats\": [{\"phone\": \"0521234567\", \"status\": \"SOLVED\"}]}").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    }

    @Test
    void theClockOnlyMovesForwardWhenAdvancedAndTheStateDumpShowsIt(TexterSimulator simulator) {
        assertThatThrownBy(() -> simulator.clock().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        simulator.clock().advance(Duration.ofDays(1));
        assertThat(simulator.state()).contains("\"now\" : \"2025-06-02T09:00:00Z\"");
        simulator.reset();
        assertThat(simulator.clock().now()).isEqualTo(SimulatorClock.DEFAULT_START);
    }

    @Test
    void simulatedCallsRefuseUnknownIds(TexterSimulator simulator) {
        assertThatThrownBy(() -> simulator.simulate().agentResolves("0123456789abcdef01234567"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no chat");
        assertThatThrownBy(() -> simulator.simulate().messageStatus("0123456789abcdef01234567",
                com.texterchat.model.MessageStatus.SEEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.simulate().incomingMessage("hello", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
