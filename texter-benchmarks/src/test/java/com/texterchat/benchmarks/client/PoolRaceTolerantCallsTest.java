package com.texterchat.benchmarks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.benchmarks.Payloads;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** Only the JDK client's pool race is tolerated, and only while it stays rare. */
class PoolRaceTolerantCallsTest {

    /** Answers from a script: an exception to throw, or null for a normal answer. */
    private static final class Scripted implements TexterCalls {

        final Deque<RuntimeException> script = new ArrayDeque<>();

        @Override
        public SendMessageResponse sendMessage(String chatId, SessionMessage message) {
            RuntimeException next = script.poll();
            if (next != null) {
                throw next;
            }
            return new SendMessageResponse().success(true);
        }

        @Override
        public ChatSearchResult searchChats(String search, int limit) {
            throw new UnsupportedOperationException("not scripted");
        }
    }

    private static RuntimeException poolRace() {
        return new UncheckedIOException(new IOException("HTTP/1.1 header parser received no bytes",
                new IOException("connection closed locally")));
    }

    @Test
    void aPoolRaceIsCountedAndOtherFailuresStillEndTheRun() {
        Scripted scripted = new Scripted();
        PoolRaceTolerantCalls calls = new PoolRaceTolerantCalls(scripted);
        scripted.script.add(poolRace());

        assertThat(calls.sendMessage(Payloads.CHAT_ID, Payloads.textMessage())).isNull();
        for (int i = 0; i < 1999; i++) {
            assertThat(calls.sendMessage(Payloads.CHAT_ID, Payloads.textMessage()).getSuccess()).isTrue();
        }
        assertThat(calls.checkFailures()).isEqualTo("1 of 2000 calls lost to the JDK client's pool race");

        scripted.script.add(new UncheckedIOException(new IOException("Connection reset")));
        assertThatThrownBy(() -> calls.sendMessage(Payloads.CHAT_ID, Payloads.textMessage()))
                .hasRootCauseMessage("Connection reset");
        assertThatThrownBy(() -> calls.searchChats("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void moreThanOneRaceInAThousandCallsFailsTheRun() {
        Scripted scripted = new Scripted();
        PoolRaceTolerantCalls calls = new PoolRaceTolerantCalls(scripted);
        scripted.script.add(poolRace());
        scripted.script.add(poolRace());
        for (int i = 0; i < 1000; i++) {
            calls.sendMessage(Payloads.CHAT_ID, Payloads.textMessage());
        }

        assertThatThrownBy(calls::checkFailures).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("2 of 1000 calls failed with 'connection closed locally'");
    }
}
