package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.texterchat.api.ChatsApi;
import com.texterchat.client.TexterAttempt.Decision;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.client.testsupport.LogCapture;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/** What a {@link TexterListener} is told about attempts and calls, against a real HTTP server. */
class ListenerTest {

    private static final String CHAT = "{\"success\":true,\"title\":\"Dana\"}";

    @RegisterExtension
    static final TestServer server = new TestServer();

    private final Recorder recorder = new Recorder();

    @BeforeEach
    void forgetLogs() {
        LogCapture.clear();
    }

    @Test
    void aRetriedGetIsTwoAttemptsAndOneCall() {
        server.wireMock().stubFor(any(urlPathEqualTo(TestServer.API + "/chats/67bf")).inScenario("s")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.wireMock().stubFor(any(urlPathEqualTo(TestServer.API + "/chats/67bf")).inScenario("s")
                .whenScenarioStateIs("up").willReturn(okJson(CHAT)));
        TexterClient client = server.clientBuilder().listener(recorder).build();

        client.chats().getChat("67bf");

        assertThat(recorder.attempts).hasSize(2);
        TexterAttempt first = recorder.attempts.get(0);
        assertThat(first.operation()).isEqualTo("getChat");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.pathTemplate()).isEqualTo("/chats/{chatId}");
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(OptionalInt.of(503));
        assertThat(first.outcome()).isEqualTo(TexterOutcome.SERVER_ERROR);
        assertThat(first.decision()).isEqualTo(Decision.RETRY);
        assertThat(first.retryDelay()).contains(server.sleeper().sleeps().get(0));
        assertThat(first.exception()).isEmpty();
        assertThat(first.duration()).isPositive();
        TexterAttempt second = recorder.attempts.get(1);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(OptionalInt.of(200));
        assertThat(second.outcome()).isEqualTo(TexterOutcome.SUCCESS);
        assertThat(second.decision()).isEqualTo(Decision.DONE);
        assertThat(second.retryDelay()).isEmpty();

        assertThat(recorder.calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("getChat");
            assertThat(call.pathTemplate()).isEqualTo("/chats/{chatId}");
            assertThat(call.attempts()).isEqualTo(2);
            assertThat(call.status()).isEqualTo(OptionalInt.of(200));
            assertThat(call.outcome()).isEqualTo(TexterOutcome.SUCCESS);
            assertThat(call.duration()).isGreaterThanOrEqualTo(first.duration().plus(second.duration()));
        });
        assertThat(recorder.order).containsExactly("attempt", "attempt", "call");
    }

    @Test
    void aPostAnswered503IsNotSafeToRetry() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        TexterClient client = server.clientBuilder().listener(recorder).build();

        assertThat(catchThrowable(() -> client.messages().sendMessage("67bf",
                new SessionMessage().type(OutgoingMessageType.TEXT).text("hi"))))
                .isInstanceOf(TexterServerException.class);

        assertThat(recorder.attempts).singleElement().satisfies(a -> {
            assertThat(a.operation()).isEqualTo("sendMessage");
            assertThat(a.method()).isEqualTo("POST");
            assertThat(a.pathTemplate()).isEqualTo("/messages/send/{chatId}");
            assertThat(a.decision()).isEqualTo(Decision.UNSAFE_TO_RETRY);
        });
        assertThat(recorder.calls).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(TexterOutcome.SERVER_ERROR);
            assertThat(c.status()).isEqualTo(OptionalInt.of(503));
        });
    }

    @Test
    void aCallThatNeverGetsAnAnswerReportsTheFailure() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TexterClient client = server.clientBuilder().listener(recorder).build();

        assertThat(catchThrowable(() -> client.labels().getLabel("VIP"))).isInstanceOf(TexterIoException.class);

        assertThat(recorder.attempts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.status()).isEmpty();
            assertThat(a.exception()).isPresent();
            assertThat(a.outcome()).isEqualTo(TexterOutcome.IO_ERROR);
        });
        assertThat(recorder.attempts.get(recorder.attempts.size() - 1).decision())
                .isEqualTo(Decision.RETRIES_EXHAUSTED);
        assertThat(recorder.calls).singleElement().satisfies(c -> {
            assertThat(c.attempts()).isEqualTo(recorder.attempts.size());
            assertThat(c.status()).isEmpty();
            assertThat(c.exception()).isPresent();
            assertThat(c.outcome()).isEqualTo(TexterOutcome.IO_ERROR);
        });
    }

    @Test
    void aThrowingListenerDoesNotBreakTheCallNorTheListenersAfterIt() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(okJson(CHAT)));
        TexterListener broken = new TexterListener() {
            @Override
            public void onAttempt(TexterAttempt attempt) {
                throw new IllegalStateException("listener bug\nsecond line");
            }

            @Override
            public void onCall(TexterCall call) {
                throw new UnsupportedOperationException("also broken");
            }
        };
        TexterClient client = server.clientBuilder().listener(broken).listener(recorder).build();

        assertThat(client.chats().getChat("67bf").getTitle()).isEqualTo("Dana");

        assertThat(recorder.attempts).hasSize(1);
        assertThat(recorder.calls).hasSize(1);
        List<LogCapture.Entry> warnings = LogCapture.entries("com.texterchat.client.listener").stream()
                .filter(e -> e.level() == Level.WARN).toList();
        assertThat(warnings).hasSize(2).allSatisfy(e -> assertThat(e.message()).doesNotContain("\n", "\r"));
        assertThat(warnings.get(0).message()).contains(".onAttempt threw java.lang.IllegalStateException: listener"
                + " bug\\nsecond line for getChat; the call goes on");
        assertThat(warnings.get(1).message()).contains(".onCall threw java.lang.UnsupportedOperationException");
    }

    @Test
    void noEventCarriesTheToken() throws Exception {
        String token = TestServer.TOKEN;
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)
                .withHeader("X-Echo", "Bearer " + token).withBody("{\"error\":\"bad token " + token + "\"}")));
        TexterClient client = server.clientBuilder().listener(recorder).build();

        catchThrowable(() -> client.chats().getChat(token));
        catchThrowable(() -> client.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(token)));

        assertThat(recorder.attempts).hasSize(6);
        assertThat(recorder.calls).hasSize(2);
        List<Object> events = new ArrayList<>(recorder.attempts);
        events.addAll(recorder.calls);
        for (Object event : events) {
            assertThat(event.toString()).doesNotContain(token).doesNotContain(token.substring(0, 8));
            assertThat(reachableText(event, new IdentityHashMap<>())).doesNotContain(token);
        }
        assertThat(recorder.attempts.get(0).toString()).contains("getChat", "/chats/{chatId}", "HTTP 500");
    }

    /** The text of every field reachable from the object (strings, numbers, nested objects), reflectively. */
    private static String reachableText(Object value, Map<Object, Boolean> seen) throws IllegalAccessException {
        if (value == null || seen.put(value, true) != null) {
            return "";
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>
                || value.getClass().getName().startsWith("java.")) {
            return String.valueOf(value);
        }
        StringBuilder text = new StringBuilder();
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    text.append(field.getName()).append('=').append(reachableText(field.get(value), seen)).append(' ');
                }
            }
        }
        return text.toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Keeps every event. */
    static final class Recorder implements TexterListener {
        final List<TexterAttempt> attempts = new CopyOnWriteArrayList<>();
        final List<TexterCall> calls = new CopyOnWriteArrayList<>();
        final List<String> order = new CopyOnWriteArrayList<>();

        @Override
        public void onAttempt(TexterAttempt attempt) {
            attempts.add(attempt);
            order.add("attempt");
        }

        @Override
        public void onCall(TexterCall call) {
            calls.add(call);
            order.add("call");
        }
    }
}
