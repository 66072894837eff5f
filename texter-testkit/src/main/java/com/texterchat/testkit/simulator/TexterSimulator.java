package com.texterchat.testkit.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.texterchat.Texter;
import com.texterchat.client.TexterClient;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.testkit.TexterFault;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.TexterRequests;
import com.texterchat.testkit.TexterStubs;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.Phones;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.internal.admin.AdminEndpoints;
import com.texterchat.testkit.internal.sim.MockServerAccess;
import com.texterchat.testkit.internal.sim.ServerHooks;
import com.texterchat.testkit.internal.sim.SimActions;
import com.texterchat.testkit.internal.sim.SimModel;
import com.texterchat.testkit.internal.sim.SimOperations;
import com.texterchat.testkit.internal.sim.SimResponder;
import com.texterchat.testkit.internal.sim.SimSeed;
import com.texterchat.testkit.internal.scenario.SimEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A stateful Texter for tests: an in-memory Texter project behind the same WireMock server as
 * {@link TexterMockServer}, so reads reflect writes. A sent message appears in Get Messages of a Chat, a submitted
 * template goes PENDING and then APPROVED, labels, assignment and CRM data change the chat, and simulated events
 * ({@link #simulate()}) run the subscriptions imported through the API and deliver their webhooks.
 *
 * <pre>{@code
 * try (TexterSimulator simulator = TexterSimulator.builder()
 *         .chat("0521234567", "Niv").messageFrom("0521234567", "Hi", Instant.parse("2025-06-01T08:55:00Z"))
 *         .start()) {
 *     Texter texter = simulator.texter();
 *     String chatId = simulator.chatIdOf("0521234567").orElseThrow();
 *     texter.messages().sendMessage(chatId, new SessionMessage().type(MessageType.TEXT).text("Hello!"));
 *     simulator.state();   // the whole project as JSON, for a failing test
 * }
 * }</pre>
 *
 * <p>Everything of the stub mode keeps working through {@link #server()} (and the shortcuts here): every request is
 * checked against {@code openapi.json} first, {@link #fault(String)} wins over the model's answer, the stubbing
 * helpers ({@link #stubs()}) override it for what they match, {@link #verify()} lists what was sent. The simulator's
 * own answers are checked against the operation's response schema like stubbed answers.
 *
 * <p>The same server answers the simulator's admin endpoints under {@code /__texter/} (simulated events, the state
 * dump, deliveries, reset, the clock, over HTTP), for code under test that is not Java; the standalone jar
 * ({@link com.texterchat.testkit.standalone.TexterStandalone}) is built on them.
 *
 * <p>Time is {@link #clock()}'s: it stands still unless a test moves it. {@link #reset()} puts the project back to
 * its seed (the builder's and the seed file's content) and the clock to its start; {@code @TexterTest(simulator =
 * true)} does so before each test. Thread-safe.
 */
public final class TexterSimulator implements AutoCloseable {

    private final TexterMockServer server;
    private final SimModel model;
    private final SimulatorClock clock;
    private final Simulation simulation;
    private final SimActions actions;

    private TexterSimulator(TexterMockServer server, SimModel model, SimulatorClock clock, SimActions actions) {
        this.server = server;
        this.model = model;
        this.clock = clock;
        this.actions = actions;
        this.simulation = new Simulation(actions);
    }

    /** Starts a simulator with an empty project (one WhatsApp account, {@value SimSeed#DEFAULT_ACCOUNT}). */
    public static TexterSimulator start() {
        return builder().start();
    }

    /** Settings and seed content of a simulator to start. */
    public static Builder builder() {
        return new Builder();
    }

    /** The mock server underneath: faults, stubs, verification, spec violations, raw WireMock. */
    public TexterMockServer server() {
        return server;
    }

    /** The SDK's entry object pointed at the simulator; see {@link TexterMockServer#texter()}. */
    public Texter texter() {
        return server.texter();
    }

    /** A client pointed at the simulator; see {@link TexterMockServer#client()}. */
    public TexterClient client() {
        return server.client();
    }

    /** The URL to configure as Texter's base URL in the code under test, {@code http://127.0.0.1:<port>/server/api/v2}. */
    public String apiBaseUrl() {
        return server.apiBaseUrl();
    }

    /** The server's root URL, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Same as {@code server().stubs()}: stubbed answers win over the model's for what they match. */
    public TexterStubs stubs() {
        return server.stubs();
    }

    /** Same as {@code server().verify()}: what was sent, and {@link TexterRequests#webhookDeliveries()}. */
    public TexterRequests verify() {
        return server.verify();
    }

    /** Same as {@code server().fault(operationId)}: a fault wins over the model's answer. */
    public TexterFault fault(String operationId) {
        return server.fault(operationId);
    }

    /** Same as {@code server().allowSpecViolations(operationId)}. */
    public TexterSimulator allowSpecViolations(String operationId) {
        server.allowSpecViolations(operationId);
        return this;
    }

    /** Events in the project that do not come from the API: customers writing, statuses, agents, approvals. */
    public Simulation simulate() {
        return simulation;
    }

    /** The simulator's clock. */
    public SimulatorClock clock() {
        return clock;
    }

    /**
     * The webhooks the active subscriptions delivered since the last reset, oldest first; same as
     * {@code verify().webhookDeliveries()}.
     */
    public List<WebhookDelivery> deliveries() {
        return model.deliveries();
    }

    /**
     * The id of the chat of a phone number (any form of it, on any account), empty when the project has none.
     *
     * @throws IllegalArgumentException when {@code phone} is no phone number
     */
    public Optional<String> chatIdOf(String phone) {
        return Optional.ofNullable(actions.chatIdOf(phone));
    }

    /**
     * The whole project as pretty-printed JSON: accounts, chats with their messages, labels, templates, quick
     * replies, subscriptions, unsubscribed numbers, problems, agents, the clock. For reading while debugging; a copy,
     * changing it changes nothing.
     */
    public String state() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(model.state());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts the project back to its seed and the clock to its start, and resets the server (stubs, faults, recorded
     * requests, spec violations, deliveries).
     */
    public void reset() {
        server.reset();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    /** Observes every event the project emits (internal seam for the test kit's own tests). */
    void addEventSink(Consumer<SimEvent> sink) {
        model.addSink(sink);
    }

    SimModel model() {
        return model;
    }

    @Override
    public String toString() {
        return "TexterSimulator[" + server.apiBaseUrl() + "]";
    }

    /**
     * What a {@link TexterSimulator} starts with: settings, and the project's seed content (the same content a seed
     * file holds; {@link #seed(Path)} adds a file's). Not thread-safe; each {@link #start()} starts a new simulator.
     */
    public static final class Builder {

        private String defaultCountry = TexterMockServer.DEFAULT_COUNTRY;
        private int port;
        private String host = "127.0.0.1";
        private final ObjectNode seed = Json.mapper().createObjectNode();

        private Builder() {
        }

        /** The project's default country; see {@link TexterMockServer.Builder#defaultCountry(String)}. */
        public Builder defaultCountry(String country) {
            this.defaultCountry = Phones.country(country, "defaultCountry");
            return this;
        }

        /**
         * The port to listen on; 0 (the default) takes a free one, which is what tests want. A fixed port is for
         * the standalone simulator and for tools configured with a fixed URL; starting fails when it is taken.
         *
         * @param port 0 to 65535
         * @throws IllegalArgumentException for another number
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to listen on: {@code 127.0.0.1} (the default, this machine only), or e.g. {@code 0.0.0.0} to
         * be reachable from other machines or containers. {@link TexterSimulator#baseUrl()} names this address,
         * or {@code 127.0.0.1} for a wildcard address.
         *
         * @param address an IP address or host name of this machine
         * @throws IllegalArgumentException when blank
         */
        public Builder host(String address) {
            if (Objects.requireNonNull(address, "address").isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = address.strip();
            return this;
        }

        /** Where the clock starts (and goes back to on reset); {@link SimulatorClock#DEFAULT_START} unless set. */
        public Builder clockStart(Instant start) {
            seed.put("clock", Objects.requireNonNull(start, "start").toString());
            return this;
        }

        /**
         * Submitted template localizations are approved by themselves once this much time passed on the clock
         * ({@code Duration.ZERO}: at once). Without it they stay PENDING until
         * {@link Simulation#templateApproved(String, String)} or {@link Simulation#templateRejected}.
         */
        public Builder autoApproveTemplatesAfter(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("autoApproveTemplatesAfter must not be negative, got " + delay);
            }
            seed.put("autoApproveTemplatesAfter", delay.toString());
            return this;
        }

        /**
         * A WhatsApp business account (channel) of the project; the first is where chats and templates go when
         * none is named. Without any, the project has {@value SimSeed#DEFAULT_ACCOUNT}.
         *
         * @param accountId the account's number, as digits ({@code 972509876543})
         */
        public Builder account(String accountId) {
            ObjectNode account = seed.withArray("/accounts").addObject();
            account.put("accountId", Objects.requireNonNull(accountId, "accountId"));
            account.put("channel", "whatsapp");
            return this;
        }

        /** A label of the project. */
        public Builder label(String id, String name, String color) {
            ObjectNode label = seed.withArray("/labels").addObject();
            label.put("id", id);
            label.put("name", name);
            label.put("color", color);
            return this;
        }

        /** A Texter user, found by Assign Chat's {@code agentEmail}/{@code agentUid}/{@code agentCrmId}. */
        public Builder agent(Agent agent) {
            ObjectNode node = seed.withArray("/agents").addObject();
            node.put("_id", agent.id());
            node.put("displayName", agent.displayName());
            node.put("email", agent.email());
            if (agent.crmId() != null) {
                node.put("crmId", agent.crmId());
            }
            agent.roles().forEach(node.putArray("roles")::add);
            return this;
        }

        /**
         * A chat with a contact on the first account, status BOT, with these labels and no messages yet (add them
         * with {@link #messageFrom} and {@link #messageTo}).
         *
         * @param phone the contact's number in any form
         * @param title the contact's profile name
         */
        public Builder chat(String phone, String title, String... labels) {
            Phones.parse(phone, "phone", defaultCountry);
            ObjectNode chat = seed.withArray("/chats").addObject();
            chat.put("phone", phone);
            chat.put("title", Objects.requireNonNull(title, "title"));
            ArrayNode labelIds = chat.putArray("labels");
            for (String label : labels) {
                labelIds.add(label);
            }
            return this;
        }

        /** A text message the contact wrote at {@code at} (creating their chat if it was not declared). */
        public Builder messageFrom(String phone, String text, Instant at) {
            return message(phone, "incoming", text, at);
        }

        /** A text message the project sent the contact at {@code at}. */
        public Builder messageTo(String phone, String text, Instant at) {
            return message(phone, "outgoing", text, at);
        }

        private Builder message(String phone, String direction, String text, Instant at) {
            ObjectNode chat = null;
            for (JsonNode existing : seed.withArray("/chats")) {
                if (Phones.sameNumber(Phones.parse(phone, "phone", defaultCountry),
                        existing.path("phone").asText(), defaultCountry)) {
                    chat = (ObjectNode) existing;
                }
            }
            if (chat == null) {
                chat = seed.withArray("/chats").addObject();
                chat.put("phone", phone);
            }
            ObjectNode message = chat.withArray("/messages").addObject();
            message.put("direction", direction);
            message.put("type", "text");
            message.put("text", Objects.requireNonNull(text, "text"));
            message.put("at", Objects.requireNonNull(at, "at").toString());
            return this;
        }

        /**
         * An APPROVED template on the first account with one localization whose body is {@code body} (with
         * {@code {{1}}}-style variables).
         */
        public Builder template(String name, String language, String body) {
            ObjectNode template = seed.withArray("/templates").addObject();
            template.put("name", name);
            ObjectNode localization = template.putArray("localizations").addObject();
            localization.put("language", language);
            localization.put("status", "APPROVED");
            localization.put("body", body);
            return this;
        }

        /** A number unsubscribed from template messages on every WhatsApp account. */
        public Builder unsubscribed(String phone) {
            Phones.parse(phone, "phone", defaultCountry);
            seed.withArray("/unsubscribed").addObject().put("phone", phone);
            return this;
        }

        /** An active subscription (scenario), as if imported with Import Subscription. */
        public Builder subscription(ScenarioDocument document) {
            ObjectNode subscription = seed.withArray("/subscriptions").addObject();
            subscription.set("data", Json.convert(document, JsonNode.class));
            subscription.put("asStatus", "active");
            return this;
        }

        /**
         * Adds a seed file's content (JSON; the format is in the test kit's README): its lists are appended to what
         * the builder has, its settings replace the builder's.
         *
         * @throws UncheckedIOException when the file cannot be read
         * @throws IllegalArgumentException when it is no valid seed, saying why
         */
        public Builder seed(Path file) {
            String json;
            try {
                json = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the simulator seed " + file, e);
            }
            return seedJson(json);
        }

        /** Adds a seed document given as JSON text; see {@link #seed(Path)}. */
        public Builder seedJson(String json) {
            JsonNode document = Json.tree(json, "The simulator seed");
            SimSeed.of(document); // refuses unknown keys and bad values now
            for (Map.Entry<String, JsonNode> field : document.properties()) {
                JsonNode mine = seed.get(field.getKey());
                if (mine instanceof ArrayNode list && field.getValue().isArray()) {
                    list.addAll((ArrayNode) field.getValue().deepCopy());
                } else {
                    seed.set(field.getKey(), field.getValue().deepCopy());
                }
            }
            return this;
        }

        /** Starts the simulator; see {@link TexterSimulator#start()}. */
        public TexterSimulator start() {
            // the spec and the default stubs load on their own thread while the seed and the model are built
            StubFactory.loadInBackground();
            SimSeed built = SimSeed.of(seed);
            SimulatorClock clock = new SimulatorClock(built.start());
            SimModel model = new SimModel(clock::now, defaultCountry, built);
            SimOperations operations = new SimOperations(model);
            SimResponder responder = new SimResponder(operations);
            AdminEndpoints admin = new AdminEndpoints();
            Hooks hooks = new Hooks(responder, admin, model, clock, built, port, host);
            TexterMockServer server = MockServerAccess.bridge().start(defaultCountry, hooks);
            responder.server(server);
            model.baseUrl(server.baseUrl());
            clock.onChange(now -> model.clockChanged());
            TexterSimulator simulator = new TexterSimulator(server, model, clock, new SimActions(model));
            admin.attach(simulator);
            return simulator;
        }

        @Override
        public String toString() {
            return "TexterSimulator.Builder[defaultCountry=" + defaultCountry + ", host=" + host + ", port=" + port
                    + ", seed=" + seed + "]";
        }
    }

    /**
     * What the mock server of a simulator adds: the responder, the admin endpoints, the model's reset, the
     * deliveries, the address.
     */
    private static final class Hooks implements ServerHooks {
        private final SimResponder responder;
        private final AdminEndpoints admin;
        private final SimModel model;
        private final SimulatorClock clock;
        private final SimSeed seed;
        private final int port;
        private final String host;

        Hooks(SimResponder responder, AdminEndpoints admin, SimModel model, SimulatorClock clock, SimSeed seed,
                int port, String host) {
            this.responder = responder;
            this.admin = admin;
            this.model = model;
            this.clock = clock;
            this.seed = seed;
            this.port = port;
            this.host = host;
        }

        @Override
        public List<Extension> extensions() {
            return List.of(responder, admin);
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public String bindAddress() {
            return host;
        }

        @Override
        public @Nullable ResponseDefinition answer(SpecOperation operation) {
            return SimResponder.answer(operation);
        }

        @Override
        public DirectAnswers direct() {
            return responder::reply;
        }

        @Override
        public void reset() {
            clock.reset(seed.start());
            responder.reset();
            model.reset();
        }

        @Override
        public List<WebhookDelivery> deliveries() {
            return model.deliveries();
        }
    }
}
