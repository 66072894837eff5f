package com.texterchat.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.texterchat.Texter;
import com.texterchat.client.TexterClient;
import com.texterchat.testkit.RawHttp;
import com.texterchat.testkit.TexterMockServer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's lifecycle, checked by running small test classes with the JUnit engine: one server per
 * class, shared with nested classes, reset before each test, injected, and stopped afterwards.
 */
class TexterMockExtensionTest {

    /** What the sample classes saw, in order. */
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    private static Events run(Class<?> testClass) {
        SEEN.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @TexterTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class AnnotatedSample {
        @BeforeAll
        static void beforeAll(TexterMockServer texter) {
            SEEN.add(texter);
        }

        @Test
        @Order(1)
        void first(TexterMockServer texter, TexterClient client) {
            SEEN.add(texter);
            SEEN.add(texter.verify().all().size());
            SEEN.add(client.baseUrl().toString());
            texter.stubs().answer("getLabel", "{\"id\":\"changed\",\"name\":\"Changed\"}");
            client.labels().getLabel("VIP");
        }

        @Test
        @Order(2)
        void second(TexterMockServer texter, Texter entry) {
            SEEN.add(texter);
            SEEN.add(texter.verify().all().size());
            SEEN.add(entry.labels().getLabel("VIP").getId());
            SEEN.add(entry.client().baseUrl().toString());
        }
    }

    @Test
    void oneServerPerClassResetBeforeEachTestAndStoppedAfterwards() {
        run(AnnotatedSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        TexterMockServer server = (TexterMockServer) SEEN.get(0);
        assertThat(SEEN.get(1)).isSameAs(server);
        assertThat(SEEN.get(2)).isEqualTo(0);
        assertThat(SEEN.get(3)).isEqualTo(server.apiBaseUrl());
        assertThat(SEEN.get(4)).isSameAs(server);
        assertThat(SEEN.get(5)).as("requests left over from the first test").isEqualTo(0);
        assertThat(SEEN.get(6)).as("stub left over from the first test").isNotEqualTo("changed");
        assertThat(SEEN.get(7)).as("the injected Texter points at the server").isEqualTo(server.apiBaseUrl());
        assertThatThrownBy(() -> RawHttp.send("GET", server.apiBaseUrl() + "/labels", null))
                .as("server stopped after the class").isInstanceOf(UncheckedIOException.class);
    }

    @TexterTest
    static class NestedSample {
        @Test
        void outer(TexterMockServer texter) {
            SEEN.add(texter);
        }

        @Nested
        class Inner {
            @Test
            void inner(TexterMockServer texter) {
                SEEN.add(texter);
            }
        }
    }

    @Test
    void nestedClassesShareTheEnclosingServer() {
        run(NestedSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    }

    static class StaticFieldSample {
        @RegisterExtension
        static final TexterMockExtension TEXTER = new TexterMockExtension();

        @BeforeEach
        void stub() {
            TEXTER.server().stubs().templatesNamed("from_before_each");
        }

        @Test
        void usesTheFieldsServerAndClient(TexterMockServer injected) {
            SEEN.add(TEXTER.server() == injected);
            SEEN.add(TEXTER.client().templates().listTemplates(null, null, null, null).get(0).getName());
        }
    }

    @Test
    void theRegisterExtensionFormGivesTheServerAndClientThroughTheField() {
        run(StaticFieldSample.class).assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(SEEN).containsExactly(true, "from_before_each");
    }

    static class InstanceFieldSample {
        @RegisterExtension
        final TexterMockExtension texter = new TexterMockExtension();

        @Test
        void one(TexterClient client) {
            SEEN.add(texter.server());
            SEEN.add(client.baseUrl().toString());
        }

        @Test
        void two() {
            SEEN.add(texter.server());
        }
    }

    @Test
    void anInstanceFieldStillSharesOneServerPerClass() {
        run(InstanceFieldSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).filteredOn(TexterMockServer.class::isInstance).hasSize(2)
                .allSatisfy(s -> assertThat(s).isSameAs(SEEN.stream().filter(TexterMockServer.class::isInstance)
                        .findFirst().orElseThrow()));
    }

    /** Two tests that each wait briefly for the other to be running at the same time. */
    @TexterTest
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentSample {
        static final AtomicInteger INSIDE = new AtomicInteger();
        static final CountDownLatch BOTH_STARTED = new CountDownLatch(2);

        @Test
        void one(TexterMockServer texter) throws InterruptedException {
            overlapCheck(texter, "one");
        }

        @Test
        void two(TexterMockServer texter) throws InterruptedException {
            overlapCheck(texter, "two");
        }

        private static void overlapCheck(TexterMockServer texter, String name) throws InterruptedException {
            INSIDE.incrementAndGet();
            texter.stubs().templatesNamed(name);
            BOTH_STARTED.countDown();
            BOTH_STARTED.await(300, TimeUnit.MILLISECONDS);
            SEEN.add(INSIDE.get());
            SEEN.add(texter.client().templates().listTemplates(null, null, null, null).get(0).getName());
            INSIDE.decrementAndGet();
        }
    }

    @Test
    void testsSharingAServerTakeTurnsWhenJUnitRunsThemInParallel() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ConcurrentSample.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .execute().testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).as("tests inside at once, then the template each saw").hasSize(4)
                .containsOnlyOnce("one", "two");
        assertThat(List.of(SEEN.get(0), SEEN.get(2))).containsOnly(1);
        assertThat(List.of(SEEN.get(1), SEEN.get(3))).doesNotHaveDuplicates();
    }

    @TexterTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ViolatingSample {
        @Test
        @Order(1)
        void sendsALabelWithoutAName(TexterMockServer texter) {
            RawHttp.send("POST", texter.apiBaseUrl() + "/labels", "{\"id\":\"vip\",\"color\":\"#ffd700\"}");
        }

        @Test
        @Order(2)
        void allowsIt(TexterMockServer texter) {
            texter.allowSpecViolations("createLabel");
            RawHttp.send("POST", texter.apiBaseUrl() + "/labels", "{\"id\":\"vip\",\"color\":\"#ffd700\"}");
        }

        @Test
        @Order(3)
        void sendsAValidOne(TexterMockServer texter) {
            RawHttp.send("POST", texter.apiBaseUrl() + "/labels", "{\"id\":\"vip\",\"name\":\"VIP\"}");
        }
    }

    @TexterTest(failOnSpecViolations = false)
    static class NotFailingSample {
        @Test
        void sendsALabelWithoutAName(TexterMockServer texter) {
            RawHttp.send("POST", texter.apiBaseUrl() + "/labels", "{}");
            SEEN.addAll(texter.verify().specViolations());
        }

        @Nested
        class Inner {
            @Test
            void alsoOff(TexterMockServer texter) {
                RawHttp.send("GET", texter.apiBaseUrl() + "/labels?limit=0", null);
            }
        }
    }

    static class RegisteredNotFailingSample {
        @RegisterExtension
        static final TexterMockExtension TEXTER = new TexterMockExtension().failOnSpecViolations(false);

        @Test
        void sendsAnUnknownPath() {
            RawHttp.send("GET", TEXTER.server().apiBaseUrl() + "/nowhere", null);
        }
    }

    @Test
    void aTestFailsAfterItRanWhenTheServerSawASpecViolationUnlessItAllowedIt() {
        Events events = run(ViolatingSample.class);

        events.assertStatistics(stats -> stats.started(3).failed(1).succeeded(2));
        Throwable failure = events.failed().stream().findFirst().orElseThrow().getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("Texter would refuse this request or stubbed"
                + " answer (openapi.json; allow them with allowSpecViolations(operationId)):\n"
                + "  1. createLabel (POST /server/api/v2/labels) answered 400: body /name: required, got (missing)");
        assertThat(events.failed().stream().findFirst().orElseThrow().getTestDescriptor().getDisplayName())
                .startsWith("sendsALabelWithoutAName");
    }

    @Test
    void aClassTurnsTheCheckOffWithTheAnnotationOrTheExtensionsSetting() {
        run(NotFailingSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        run(RegisteredNotFailingSample.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void theServerIsNotAvailableBeforeTheClassStarts() {
        TexterMockExtension extension = new TexterMockExtension();

        assertThatThrownBy(extension::server).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("starts when the test class starts");
        assertThat(extension.toString()).contains("not started");
    }

    @TexterTest
    static class DefaultCountrySample {
        @Test
        void test(TexterMockServer texter) {
            SEEN.add(texter.defaultCountry());
        }
    }

    @TexterTest(defaultCountry = "us")
    static class UsSample {
        @Test
        void test(TexterMockServer texter) {
            SEEN.add(texter.defaultCountry());
            texter.stubs().chatExists("(202) 555-0123");
            SEEN.add(texter.client().chats().searchChats(new com.texterchat.api.ChatsApi.SearchChatsQueryParams()
                    .search("+1 202 555 0123")).getData().get(0).getChannelInfo().getId());
        }
    }

    @TexterTest(defaultCountry = "Israel")
    static class BadCountrySample {
        @Test
        void test(TexterMockServer texter) {
            SEEN.add(texter);
        }
    }

    static class FieldCountrySample {
        @RegisterExtension
        static final TexterMockExtension TEXTER = new TexterMockExtension().defaultCountry("GB");

        @Test
        void test(TexterMockServer texter) {
            SEEN.add(texter.defaultCountry());
        }
    }

    @Test
    void theDefaultCountryIsIsraelUnlessTheAnnotationOrTheFieldSaysOtherwise() {
        run(DefaultCountrySample.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(SEEN).containsExactly("IL");

        run(UsSample.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(SEEN).as("a US national number is read in the US").containsExactly("US", "12025550123");

        run(FieldCountrySample.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(SEEN).containsExactly("GB");
    }

    @Test
    void aDefaultCountryThatIsNoCountryCodeFailsTheClassNamingTheOption() {
        Events events = run(BadCountrySample.class);

        assertThat(SEEN).isEmpty();
        assertThat(EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadCountrySample.class)).execute()
                .allEvents().failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow()))
                .singleElement().isInstanceOfSatisfying(IllegalArgumentException.class, e -> assertThat(e)
                        .hasMessageContaining("defaultCountry").hasMessageContaining("'Israel'"));
        assertThat(events.started().count()).isZero();
        assertThatThrownBy(() -> new TexterMockExtension().defaultCountry("ZZZ"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultCountry")
                .hasMessageContaining("'ZZZ'");
    }
}
