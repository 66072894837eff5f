package com.texterchat.testkit;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.texterchat.model.SendTemplateRequest;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.internal.Phones;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.internal.admin.AdminEndpoints;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the code under test sent to the {@link TexterMockServer}, as the generated request models. Obtained
 * from {@link TexterMockServer#verify()}.
 *
 * <p>Every request the server received counts, including those it answered with an injected fault: a
 * client that retries a refused send shows up twice. The assertion methods ({@link #templateSentTo},
 * {@link #messagesSentToChat}, ...) throw an {@link AssertionError} that lists what was received instead.
 *
 * <pre>{@code
 * SendTemplateRequest sent = texter.verify().templateSentTo("972521234567");
 * assertThat(sent.getTemplateName()).isEqualTo("order_ready");
 * List<SessionMessage> messages = texter.verify().messagesSentToChat(chat.getId());
 * }</pre>
 */
public final class TexterRequests {

    private static final String SEND_TEMPLATE = "sendTemplateMessage";
    private static final String SEND_MESSAGE = "sendMessage";

    private final TexterMockServer server;

    TexterRequests(TexterMockServer server) {
        this.server = server;
    }

    /**
     * Every request received since the last reset, oldest first; calls of the simulator's admin endpoints
     * ({@code /__texter/...}) are not Texter requests and are left out.
     */
    public List<ReceivedRequest> all() {
        List<ServeEvent> events = server.wireMock().getAllServeEvents();
        List<ReceivedRequest> requests = new ArrayList<>(events.size());
        for (int i = events.size() - 1; i >= 0; i--) {
            ServeEvent event = events.get(i);
            if (!AdminEndpoints.isAdminPath(StubFactory.rawPath(event.getRequest().getUrl()))) {
                requests.add(ReceivedRequest.of(event, server.spec())); // the simulator's admin calls are not Texter's
            }
        }
        requests.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        return requests;
    }

    /** The requests of one operation, oldest first. */
    public List<ReceivedRequest> requests(String operationId) {
        SpecOperation operation = server.operation(operationId);
        return filter(r -> r.operationId().filter(operation.id()::equals).isPresent());
    }

    /** How many requests one operation received. */
    public int count(String operationId) {
        return requests(operationId).size();
    }

    /**
     * The request bodies one operation received, read into its generated request model, oldest first.
     *
     * @throws IllegalArgumentException when the operation has no JSON body or takes another model (the
     *                                  message names the right one)
     * @throws AssertionError           when a body the code under test sent does not parse
     */
    public <T> List<T> bodies(String operationId, Class<T> type) {
        Objects.requireNonNull(type, "type");
        SpecOperation operation = server.operation(operationId);
        String schema = operation.requestSchema();
        if (schema == null) {
            throw new IllegalArgumentException(operation + " has no JSON request body");
        }
        boolean generated = type.getPackageName().equals(SendTemplateRequest.class.getPackageName());
        if (generated && !schema.equals(type.getSimpleName())) {
            throw new IllegalArgumentException(operation + " takes a " + schema + " body, not "
                    + type.getSimpleName());
        }
        List<T> bodies = new ArrayList<>();
        for (ReceivedRequest request : requests(operationId)) {
            bodies.add(request.body(type));
        }
        return bodies;
    }

    /** Every Send Template Message request, oldest first; empty when none was sent. */
    public List<SendTemplateRequest> templatesSent() {
        return bodies(SEND_TEMPLATE, SendTemplateRequest.class);
    }

    /**
     * The template messages sent to a phone number, oldest first. Numbers compare as Texter compares them, given
     * the server's {@linkplain TexterMockServer#defaultCountry() default country}: with {@code IL},
     * {@code 0521234567}, {@code 972521234567}, {@code +972521234567} and {@code +972 52-123-4567} are the same
     * recipient, whichever form was sent and whichever is asked for.
     *
     * @throws IllegalArgumentException when {@code phone} is no phone number, naming the parameter
     * @throws AssertionError when none was sent to that number; the message lists what was sent
     */
    public List<SendTemplateRequest> templatesSentTo(String phone) {
        return templatesTo(phone).atLeastOne();
    }

    /**
     * The one template message sent to a phone number.
     *
     * @throws AssertionError when none or several were sent to that number; the message lists what was sent
     * @throws IllegalArgumentException when {@code phone} is no phone number, naming the parameter
     * @see #templatesSentTo(String)
     */
    public SendTemplateRequest templateSentTo(String phone) {
        return templatesTo(phone).exactlyOne();
    }

    /**
     * Asserts that no template message was sent to a phone number, in any form of the same contact.
     *
     * @throws AssertionError listing the ones that were
     * @throws IllegalArgumentException when {@code phone} is no phone number, naming the parameter
     * @see #templatesSentTo(String)
     */
    public void noTemplateSentTo(String phone) {
        templatesTo(phone).none();
    }

    /**
     * The session messages sent to a chat (Send a Message to Chat), oldest first.
     *
     * @throws AssertionError when none was sent to that chat; the message lists what was sent
     */
    public List<SessionMessage> messagesSentToChat(String chatId) {
        return messagesTo(chatId).atLeastOne();
    }

    /**
     * The one session message sent to a chat.
     *
     * @throws AssertionError when none or several were sent to that chat; the message lists what was sent
     */
    public SessionMessage messageSentToChat(String chatId) {
        return messagesTo(chatId).exactlyOne();
    }

    /**
     * Asserts that no session message was sent to a chat.
     *
     * @throws AssertionError listing the ones that were
     */
    public void noMessageSentToChat(String chatId) {
        messagesTo(chatId).none();
    }

    /**
     * Requests that matched no Texter operation (a wrong path or method), oldest first. Texter would not
     * have understood them; the server answered 404 with Texter's JSON error body (or 401 without a token), and
     * lists each as a {@linkplain #specViolations() spec violation}.
     */
    public List<ReceivedRequest> unmatched() {
        return filter(r -> r.operationId().isEmpty());
    }

    /**
     * Every way the requests received, and the answers stubbed through {@link TexterStubs}, broke
     * {@code openapi.json} since the last reset, oldest first, allowed ones included. A request that broke it was
     * answered as Texter would (400, or 404 for an unknown path or method) and may appear several times, once per
     * rule broken.
     */
    public List<SpecViolation> specViolations() {
        return server.violations().all();
    }

    /**
     * Asserts that nothing broke {@code openapi.json} since the last reset, apart from what the test
     * {@linkplain TexterMockServer#allowSpecViolations(String) allowed}. {@code @TexterTest} calls it after each
     * test.
     *
     * @throws AssertionError listing each violation: operation, method and path, where (parameter or JSON
     *                        pointer), the rule and the value
     */
    public void noSpecViolations() {
        List<SpecViolation> unexpected = server.violations().unexpected();
        if (!unexpected.isEmpty()) {
            StringBuilder message = new StringBuilder("Texter would refuse ").append(unexpected.size() == 1
                    ? "this request or stubbed answer" : "these requests or stubbed answers")
                    .append(" (openapi.json; allow them with allowSpecViolations(operationId)):\n");
            for (int i = 0; i < unexpected.size(); i++) {
                message.append("  ").append(i + 1).append(". ").append(unexpected.get(i)).append('\n');
            }
            throw new AssertionError(message.toString().stripTrailing());
        }
    }

    /**
     * The webhooks the {@linkplain com.texterchat.testkit.simulator.TexterSimulator simulator}'s active subscriptions
     * delivered since the last reset, oldest first, each with the receiver's status (or why it could not be
     * reached). Always empty on a plain mock server, which runs no subscriptions.
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return server.webhookDeliveries();
    }

    private Selection<SendTemplateRequest> templatesTo(String phone) {
        String country = server.defaultCountry();
        PhoneNumber number = Phones.parse(phone, "phone", country);
        List<SendTemplateRequest> matching = new ArrayList<>();
        for (SendTemplateRequest sent : templatesSent()) {
            if (Phones.sameNumber(number, sent.getTo(), country)) {
                matching.add(sent);
            }
        }
        return new Selection<>("template message to " + phone, "that number", SEND_TEMPLATE, matching);
    }

    private Selection<SessionMessage> messagesTo(String chatId) {
        Objects.requireNonNull(chatId, "chatId");
        if (chatId.isBlank()) {
            throw new IllegalArgumentException("chatId must not be blank");
        }
        List<SessionMessage> matching = new ArrayList<>();
        for (ReceivedRequest request : requests(SEND_MESSAGE)) {
            if (chatId.equals(request.pathParameter("chatId"))) {
                matching.add(request.body(SessionMessage.class));
            }
        }
        return new Selection<>("session message to chat " + chatId, "that chat", SEND_MESSAGE, matching);
    }

    private List<ReceivedRequest> filter(Predicate<ReceivedRequest> predicate) {
        List<ReceivedRequest> matching = new ArrayList<>();
        for (ReceivedRequest request : all()) {
            if (predicate.test(request)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** What an assertion found: {@code found} are the {@code what}s sent to {@code target} via {@code operationId}. */
    private final class Selection<T> {
        private final String what;
        private final String target;
        private final String operationId;
        private final List<T> found;

        Selection(String what, String target, String operationId, List<T> found) {
            this.what = what;
            this.target = target;
            this.operationId = operationId;
            this.found = found;
        }

        List<T> atLeastOne() {
            if (found.isEmpty()) {
                throw failure("Expected a " + what + ", but none was sent to " + target + ".");
            }
            return found;
        }

        T exactlyOne() {
            if (found.size() != 1) {
                throw failure("Expected exactly one " + what + ", but " + found.size() + " were sent to " + target + ".");
            }
            return found.get(0);
        }

        void none() {
            if (!found.isEmpty()) {
                throw failure("Expected no " + what + ", but " + found.size() + " were sent to " + target + ".");
            }
        }

        private AssertionError failure(String expectation) {
            List<ReceivedRequest> relevant = requests(operationId);
            StringBuilder message = new StringBuilder(expectation).append('\n');
            appendList(message, "Requests of " + operationId + " received", relevant);
            List<ReceivedRequest> all = all();
            if (all.size() > relevant.size()) {
                appendList(message, "All requests received", all);
            }
            return new AssertionError(message.toString().stripTrailing());
        }
    }

    private static void appendList(StringBuilder message, String heading, List<ReceivedRequest> requests) {
        if (requests.isEmpty()) {
            message.append(heading).append(": none\n");
            return;
        }
        message.append(heading).append(" (").append(requests.size()).append("):\n");
        for (int i = 0; i < requests.size(); i++) {
            message.append("  ").append(i + 1).append(". ").append(requests.get(i)).append('\n');
        }
    }

    @Override
    public String toString() {
        return "TexterRequests[" + server + "]";
    }
}
