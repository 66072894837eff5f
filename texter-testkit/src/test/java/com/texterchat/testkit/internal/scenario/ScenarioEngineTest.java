package com.texterchat.testkit.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's own rules: documents it refuses, the request action, loaders, host actions, compare. */
class ScenarioEngineTest {

    private static final SimEvent PENDING = new SimEvent("domain.chat.pending", Map.of("chat",
            json("{\"chat\": {\"_id\": \"c1\", \"status\": 1, \"labels\": [\"VIP\"]}, \"externalBot\": false}")));

    private final Receiver receiver = new Receiver();
    private final ScenarioEngine engine = new ScenarioEngine();

    @AfterEach
    void stop() {
        receiver.close();
    }

    // ---- documents the engine refuses -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[]                                                                  | the document must be a JSON object",
        "{\"actions\": [{\"name\": \"noop\"}]}                               | triggerEvents: needs at least one trigger event, was absent",
        "{\"triggerEvents\": [], \"actions\": [{\"name\": \"noop\"}]}        | triggerEvents: needs at least one",
        "{\"triggerEvents\": [7], \"actions\": [{\"name\": \"noop\"}]}       | triggerEvents[0]: must be an event name, was 7",
        "{\"triggerEvents\": [\"e\"]}                                        | actions: a scenario needs at least one action, was absent",
        "{\"triggerEvents\": [\"e\"], \"actions\": []}                       | actions: a scenario needs at least one action, was an empty list",
        "{\"triggerEvents\": [\"e\"], \"actions\": [{\"params\": {}}]}       | actions[0].name: an action needs a name",
        "{\"triggerEvents\": [\"e\"], \"actions\": [\"request\"]}            | actions[0]: an action must be an object",
        "{\"triggerEvents\": [\"e\"], \"actions\": [{\"name\": \"request\", \"params\": {}}]} | actions[0].params.url: a request action needs the URL to call, was absent",
        "{\"triggerEvents\": [\"e\"], \"conditions\": [[{\"name\": \"workingHours\"}]], \"actions\": [{\"name\": \"noop\"}]} | conditions[0][0].name: condition kind \"workingHours\" is not one the simulator runs (filtrex, compare)",
        "{\"triggerEvents\": [\"e\"], \"conditions\": [[{\"name\": \"filtrex\", \"params\": {\"expression\": \"a ==\"}}]], \"actions\": [{\"name\": \"noop\"}]} | conditions[0][0].params.expression: malformed filtrex expression \"a ==\"",
        "{\"triggerEvents\": [\"e\"], \"conditions\": [[{\"name\": \"filtrex\", \"params\": {}}]], \"actions\": [{\"name\": \"noop\"}]} | conditions[0][0].params.expression: a filtrex condition needs its expression as a string, was absent",
        "{\"triggerEvents\": [\"e\"], \"conditions\": [[{\"name\": \"compare\", \"params\": {\"comparison\": \"Roughly\"}}]], \"actions\": [{\"name\": \"noop\"}]} | conditions[0][0].params.comparison: \"Roughly\" is not a comparison",
        "{\"triggerEvents\": [\"e\"], \"conditions\": [{\"name\": \"filtrex\"}], \"actions\": [{\"name\": \"noop\"}]} | conditions[0]: must be a list of conditions",
        "{\"triggerEvents\": [\"e\"], \"conditions\": {}, \"actions\": [{\"name\": \"noop\"}]} | conditions: must be a list of condition groups",
        "{\"triggerEvents\": [\"e\"], \"loaders\": [], \"actions\": [{\"name\": \"noop\"}]} | loaders: must be an object",
        "{\"triggerEvents\": [\"e\"], \"loaders\": {\"beforeActions\": []}, \"actions\": [{\"name\": \"noop\"}]} | loaders.beforeActions: not a loader position",
        "{\"triggerEvents\": [\"e\"], \"loaders\": {\"afterConditions\": [{\"alias\": \"chat\"}]}, \"actions\": [{\"name\": \"noop\"}]} | loaders.afterConditions[0].name: a loader needs a name",
    })
    void aDocumentItCannotRunIsRefusedNamingThePart(String document, String message) {
        JsonNode doc = json(document);
        assertThatThrownBy(() -> ScenarioEngine.validate(doc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message.strip());
    }

    @Test
    void aPlaceholderWithATransformerItDoesNotKnowIsRefused() {
        JsonNode doc = json("{\"triggerEvents\": [\"e\"], \"actions\": [{\"name\": \"noop\", \"params\": {\"x\":"
                + " [\"%chat:_id|hbTpl%\"]}}]}");
        assertThatThrownBy(() -> ScenarioEngine.validate(doc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("actions[0].params.x[0]: transformer |hbTpl is not one the simulator runs");
    }

    @Test
    void runningABadDocumentNamesTheScenarioAndRunsNothing() {
        JsonNode doc = json("{\"name\": \"(SUB) Broken\", \"triggerEvents\": [\"domain.chat.pending\"],"
                + " \"conditions\": [[{\"name\": \"nope\"}]], \"actions\": [{\"name\": \"chatAssign\"}]}");
        FakeHost host = FakeHost.none();

        assertThatThrownBy(() -> engine.run("scn-9", doc, PENDING, host))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scenario scn-9 ((SUB) Broken): conditions[0][0].name: condition kind \"nope\"");
        assertThat(host.actions()).isEmpty();
    }

    // ---- the request action -----------------------------------------------------------------------------

    @Test
    void theRequestCarriesItsMethodHeadersQueryAndResolvedData() {
        JsonNode doc = json("{\"name\": \"n\", \"triggerEvents\": [\"domain.chat.pending\"], \"actions\": [{\"name\":"
                + " \"request\", \"params\": {\"url\": \"" + receiver.url("/hook") + "\", \"method\": \"put\","
                + " \"json\": true, \"headers\": {\"x-webhook-token\": \"t-%chat:chat._id%\"},"
                + " \"qs\": {\"chat\": \"%chat:chat._id%\", \"q\": \"a b\"},"
                + " \"data\": {\"id\": \"%chat:chat._id%\", \"labels\": \"%chat:chat.labels%\"}}}]}");

        List<WebhookDelivery> deliveries = engine.run("s", doc, PENDING, FakeHost.none());

        assertThat(deliveries).hasSize(1);
        WebhookDelivery d = deliveries.get(0);
        assertThat(d.method()).isEqualTo("PUT");
        assertThat(d.url()).isEqualTo(receiver.url("/hook") + "?chat=c1&q=a+b");
        assertThat(d.headers()).isEqualTo(Map.of("x-webhook-token", "t-c1"));
        // a whole-string placeholder arrives as a string (a list of plain values joined with commas)
        assertThat(d.body()).isEqualTo(json("{\"id\": \"c1\", \"labels\": \"VIP\"}"));
        Receiver.Received got = receiver.received().get(0);
        assertThat(got.method()).isEqualTo("PUT");
        assertThat(got.path()).isEqualTo("/hook?chat=c1&q=a+b");
        assertThat(got.headers().get("X-webhook-token")).containsExactly("t-c1");
        assertThat(json(got.body())).isEqualTo(d.body());
    }

    @Test
    void aGetSendsNoBodyAndTextDataGoesAsText() {
        JsonNode doc = json("{\"triggerEvents\": [\"domain.chat.pending\"], \"actions\": ["
                + "{\"name\": \"request\", \"params\": {\"url\": \"" + receiver.url("/get") + "\", \"method\": \"get\","
                + " \"data\": {\"x\": 1}}},"
                + "{\"name\": \"request\", \"params\": {\"url\": \"" + receiver.url("/text") + "\","
                + " \"data\": \"chat %chat:chat._id%\"}}]}");

        List<WebhookDelivery> deliveries = engine.run("s", doc, PENDING, FakeHost.none());

        assertThat(deliveries).extracting(WebhookDelivery::method).containsExactly("GET", "POST");
        assertThat(receiver.received()).extracting(Receiver.Received::body).containsExactly("", "chat c1");
        assertThat(receiver.received().get(1).headers().get("Content-type"))
                .containsExactly("text/plain; charset=UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{{yourWebhookURL}}               | not sent: the url \"{{yourWebhookURL}}\" is not a URL",
        "/relative/hook                   | not sent: the url \"/relative/hook\" is not an absolute http(s) URL",
        "ftp://127.0.0.1/hook             | not sent: the url \"ftp://127.0.0.1/hook\" is not an absolute http(s) URL",
        "https://hooks.example.com/texter | not sent: hooks.example.com is not this machine",
        "http://10.0.0.1:9/hook           | not sent: 10.0.0.1 is not this machine",
    })
    void aUrlItMustNotCallIsRecordedAsNotSent(String url, String error) {
        JsonNode doc = json("{\"triggerEvents\": [\"domain.chat.pending\"], \"actions\": [{\"name\": \"request\","
                + " \"params\": {\"url\": \"" + url.strip() + "\", \"data\": {}}}]}");

        ScenarioRun run = engine.execute("s", doc, PENDING, FakeHost.none());

        WebhookDelivery d = run.deliveries().get(0);
        assertThat(d.status()).isEmpty();
        assertThat(d.error()).hasValueSatisfying(e -> assertThat(e).startsWith(error.strip()));
        assertThat(run.success()).as("a receiver's problem does not fail the run").isTrue();
    }

    @Test
    void loopbackNamesAndAddressesAreThisMachine() {
        assertThat(List.of("localhost", "LOCALHOST", "hooks.localhost", "127.0.0.1", "127.8.9.10", "[::1]"))
                .allMatch(RequestAction::isLoopback);
        assertThat(List.of("example.com", "localhost.example.com", "10.0.0.1", "[::2]", "0x7f.1"))
                .noneMatch(RequestAction::isLoopback);
    }

    @Test
    @Timeout(10)
    void aReceiverThatNeverAnswersIsCutOffAtTheTimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            ScenarioEngine quick = new ScenarioEngine(Duration.ofMillis(300), true);
            JsonNode doc = json("{\"triggerEvents\": [\"domain.chat.pending\"], \"actions\": [{\"name\": \"request\","
                    + " \"params\": {\"url\": \"http://127.0.0.1:" + silent.getAddress().getPort() + "/\","
                    + " \"data\": {}}}]}");

            long start = System.nanoTime();
            WebhookDelivery d = quick.run("s", doc, PENDING, FakeHost.none()).get(0);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(d.status()).isEmpty();
            assertThat(d.error()).hasValue("no answer within 300 ms");
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    void theEngineRefusesATimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> new ScenarioEngine(Duration.ZERO, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestTimeout must be positive, was PT0S");
    }

    // ---- loaders and host actions ----------------------------------------------------------------------

    @Test
    void aLoadersResultIsProvidedUnderItsAlias() {
        FakeHost host = new FakeHost((name, params) -> Map.of("getData",
                json("{\"data\": {\"latestAgentUid\": \"u-7\"}, \"key\": \"" + params.path("key").asText() + "\"}")),
                "chatAssign");
        JsonNode doc = json("{\"triggerEvents\": [\"domain.chat.pending\"], \"loaders\": {\"beforeConditions\": ["
                + "{\"name\": \"getData\", \"alias\": \"record\", \"params\": {\"collection\": \"ChatsLastAgent\","
                + " \"key\": \"%chat:chat._id|toString%\"}}]},"
                + " \"conditions\": [[{\"name\": \"filtrex\", \"params\": {\"expression\": \"exists(latestAgentUid)\","
                + " \"value\": \"%record:data%\"}}]],"
                + " \"actions\": [{\"name\": \"chatAssign\", \"params\": {\"agent\": \"%record:data.latestAgentUid%\"}}]}");

        ScenarioRun run = engine.execute("s", doc, PENDING, host);

        assertThat(host.loads()).hasSize(1);
        assertThat(host.loads().get(0).params()).isEqualTo(json("{\"collection\": \"ChatsLastAgent\", \"key\": \"c1\"}"));
        assertThat(run.conditionsResult()).isTrue();
        assertThat(host.actions()).hasSize(1);
        assertThat(host.actions().get(0).params()).isEqualTo(json("{\"agent\": \"u-7\"}"));
        assertThat(host.actions().get(0).event().providers()).containsKeys("chat", "record");
        assertThat(run.steps()).allSatisfy(step -> assertThat(step.error()).isEmpty());
        assertThat(run.deliveries()).isEmpty();
        assertThat(run.success()).isTrue();
    }

    @Test
    void aLoaderThatFindsNothingEndsTheRunBeforeTheActions() {
        FakeHost host = FakeHost.none();
        JsonNode doc = json("{\"triggerEvents\": [\"domain.chat.pending\"], \"loaders\": {\"afterConditions\": ["
                + "{\"name\": \"chat\", \"alias\": \"chat\", \"params\": {\"id\": \"nope\"}}]},"
                + " \"actions\": [{\"name\": \"request\", \"params\": {\"url\": \"" + receiver.url("/") + "\"}}]}");

        ScenarioRun run = engine.execute("s", doc, PENDING, host);

        assertThat(run.success()).isFalse();
        assertThat(run.conditionsResult()).isTrue();
        assertThat(run.deliveries()).isEmpty();
        assertThat(receiver.received()).isEmpty();
        ScenarioStep loader = run.steps().get(run.steps().size() - 1);
        assertThat(loader.type()).isEqualTo("loader");
        assertThat(loader.position()).hasValue("afterConditions");
        assertThat(loader.error()).hasValue("the loader found nothing for {\"id\":\"nope\"}");
    }

    @Test
    void anUnknownActionIsSkippedAndAFailingOneEndsTheRun() {
        FakeHost host = FakeHost.none();
        JsonNode doc = json("{\"triggerEvents\": [\"domain.chat.pending\"], \"actions\": ["
                + "{\"name\": \"sendEmail\", \"params\": {}},"
                + "{\"name\": \"explode\", \"params\": {}},"
                + "{\"name\": \"request\", \"params\": {\"url\": \"" + receiver.url("/") + "\"}}]}");

        ScenarioRun run = engine.execute("s", doc, PENDING, host);

        assertThat(run.success()).isFalse();
        assertThat(run.steps()).extracting(ScenarioStep::error).containsExactly(
                Optional.empty(),
                Optional.of("skipped: the simulator does not run action sendEmail"),
                Optional.of("the action failed: java.lang.IllegalStateException: no such chat"));
        assertThat(run.deliveries()).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    // ---- compare -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{1} {0} {2} is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Equal                 | 4        | 4        | true",
        "Equal                 | 4        | 4.0      | true",
        "Equal                 | 4        | \"4\"    | false",
        "Equal                 | false    | false    | true",
        "Equal                 | \"a\"    | \"a\"    | true",
        "NotEqual              | 4        | 5        | true",
        "Not equal             | 4        | 4        | false",
        "Greater than          | 5        | 4        | true",
        "Greater than          | 4        | 4        | false",
        "Greater than or equal | 4        | 4        | true",
        "Less than             | 3        | 4        | true",
        "Less than or equal    | 5        | 4        | false",
        "Less than             | \"a\"    | \"b\"    | true",
        "Greater than          | \"5\"    | 4        | false",
        "Equal                 | null     | null     | true",
        "Less than             | null     | 4        | false",
    })
    void compareComparesTheValueWithCompareTo(String comparison, String value, String compareTo, boolean expected) {
        JsonNode params = json("{\"comparison\": \"" + comparison.strip() + "\", \"value\": " + value.strip()
                + ", \"compareTo\": " + compareTo.strip() + "}");
        assertThat(Conditions.test("compare", params, Map.of())).isEqualTo(expected);
    }

    @Test
    void aMissingValueEqualsNothingButIsNotEqualToAnything() {
        JsonNode equal = json("{\"comparison\": \"Equal\", \"compareTo\": false,"
                + " \"value\": {\"##provide\": {\"provider\": \"chat\", \"key\": \"nope\"}}}");
        JsonNode notEqual = json("{\"comparison\": \"Not equal\", \"compareTo\": false,"
                + " \"value\": {\"##provide\": {\"provider\": \"chat\", \"key\": \"nope\"}}}");
        assertThat(Conditions.test("compare", equal, PENDING.providers())).isFalse();
        assertThat(Conditions.test("compare", notEqual, PENDING.providers())).isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
