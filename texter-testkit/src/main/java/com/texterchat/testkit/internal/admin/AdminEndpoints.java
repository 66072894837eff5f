package com.texterchat.testkit.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.texterchat.model.MessageStatus;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.simulator.Agent;
import com.texterchat.testkit.simulator.Simulation;
import com.texterchat.testkit.simulator.TexterSimulator;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's admin HTTP endpoints, under {@value #PREFIX} (outside Texter's {@code /server/api/v2}, so the spec
 * check leaves them alone, and apart from WireMock's own {@code /__admin}): the simulated events, the state dump,
 * the deliveries, reset and the clock, for tests in other languages and for a person with curl. A WireMock request
 * filter, so the endpoints share the simulator's server and port; every other request goes on untouched.
 *
 * <p>Answers are JSON. Bad input is a 400 with {@code {"success": false, "error": ..., "field": ...}} naming the
 * field; an unknown endpoint a 404, a wrong method a 405.
 */
public final class AdminEndpoints implements StubRequestFilterV2 {

    /** The path prefix of the admin endpoints. */
    public static final String PREFIX = "/__texter";

    /** The events of {@code POST /__texter/simulate/{event}}, in the order of {@link Simulation}'s methods. */
    public static final List<String> EVENTS = List.of("incomingMessage", "incomingMedia", "postback",
            "messageStatus", "agentTakes", "agentResolves", "externalBotSet", "templateApproved", "templateRejected",
            "channelProblem", "channelRecovered");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private volatile @Nullable TexterSimulator simulator;

    /** Endpoints that answer 503 until {@link #attach} gives them their simulator. */
    public AdminEndpoints() {
    }

    /** Whether a request path (without the query) is an admin path. */
    public static boolean isAdminPath(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** The simulator the endpoints work on; set once it started. */
    public void attach(TexterSimulator started) {
        this.simulator = started;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        String path = StubFactory.rawPath(request.getUrl());
        if (!isAdminPath(path)) {
            return RequestFilterAction.continueWith(request);
        }
        return RequestFilterAction.stopWith(answer(request, path).build());
    }

    private Reply.Builder answer(Request request, String path) {
        TexterSimulator current = simulator;
        if (current == null) {
            return Reply.error(503, "The simulator is still starting", null);
        }
        String method = request.getMethod().getName();
        String route = path.substring(PREFIX.length());
        try {
            return route(current, method, route, request);
        } catch (NotFound e) {
            return Reply.error(404, e.getMessage(), null);
        } catch (WrongMethod e) {
            return Reply.error(405, e.getMessage(), null).header("Allow", e.allowed);
        } catch (BadInput e) {
            return Reply.error(400, e.getMessage(), e.field);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage(), null);
        } catch (RuntimeException e) {
            return Reply.error(500, "The simulator failed: " + e, null);
        }
    }

    private Reply.Builder route(TexterSimulator sim, String method, String route, Request request) {
        switch (route) {
            case "", "/" -> {
                requireMethod(method, "GET");
                return Reply.ok(index());
            }
            case "/state" -> {
                requireMethod(method, "GET");
                return Reply.okJson(sim.state());
            }
            case "/deliveries" -> {
                requireMethod(method, "GET");
                ArrayNode list = NODES.arrayNode();
                sim.deliveries().forEach(d -> list.add(delivery(d)));
                return Reply.ok(list);
            }
            case "/reset" -> {
                requireMethod(method, "POST");
                sim.reset();
                ObjectNode answer = success();
                answer.put("now", sim.clock().now().toString());
                return Reply.ok(answer);
            }
            case "/clock" -> {
                requireMethod(method, "GET");
                return Reply.ok(clock(sim));
            }
            case "/clock/advance" -> {
                requireMethod(method, "POST");
                JsonNode seconds = body(request).path("seconds");
                if (!seconds.isIntegralNumber() || !seconds.canConvertToLong()) {
                    throw new BadInput("seconds", "seconds: the number of seconds to move the clock forward, a"
                            + " whole number, was " + describe(seconds));
                }
                if (seconds.longValue() < 0) {
                    throw new BadInput("seconds", "seconds: the clock only moves forward, was " + seconds.longValue());
                }
                sim.clock().advance(Duration.ofSeconds(seconds.longValue()));
                return Reply.ok(clock(sim));
            }
            default -> {
                if (route.startsWith("/simulate/")) {
                    requireMethod(method, "POST");
                    return simulate(sim, route.substring("/simulate/".length()), body(request));
                }
                throw new NotFound("No admin endpoint " + PREFIX + route + "; see GET " + PREFIX + "/");
            }
        }
    }

    private Reply.Builder simulate(TexterSimulator sim, String event, JsonNode body) {
        Simulation simulate = sim.simulate();
        ObjectNode answer = success();
        switch (event) {
            case "incomingMessage" -> {
                String phone = text(body, "phone");
                String text = text(body, "text");
                String accountId = optionalText(body, "accountId");
                String title = optionalText(body, "title");
                message(answer, accountId == null && title == null ? simulate.incomingMessage(phone, text)
                        : simulate.incomingMessage(phone, accountId == null ? defaultAccount(sim) : accountId,
                                title, text));
            }
            case "incomingMedia" -> {
                JsonNode message = message(answer, simulate.incomingMedia(text(body, "phone"),
                        text(body, "mediaType"), text(body, "filename"), text(body, "contentType"),
                        optionalText(body, "caption")));
                answer.put("fileId", message.path("media").path(0).path("fileId").asText(null));
            }
            case "postback" -> message(answer, simulate.postback(text(body, "phone"), text(body, "payload"),
                    text(body, "title")));
            case "messageStatus" -> message(answer, simulate.messageStatus(text(body, "messageId"),
                    status(body), optionalText(body, "error")));
            case "agentTakes" -> {
                String chatId = text(body, "chatId");
                Agent agent = agent(body);
                simulate.agentTakes(chatId, agent);
                answer.put("chatId", chatId);
                answer.put("agentId", agent.id());
            }
            case "agentResolves" -> {
                String chatId = text(body, "chatId");
                simulate.agentResolves(chatId);
                answer.put("chatId", chatId);
            }
            case "externalBotSet" -> {
                String chatId = text(body, "chatId");
                JsonNode enabled = body.path("enabled");
                if (!enabled.isBoolean()) {
                    throw new BadInput("enabled", "enabled: true or false, was " + describe(enabled));
                }
                simulate.externalBotSet(chatId, enabled.booleanValue());
                answer.put("chatId", chatId);
            }
            case "templateApproved" -> {
                String name = text(body, "name");
                String language = text(body, "language");
                simulate.templateApproved(name, language);
                answer.put("name", name).put("language", language).put("status", "APPROVED");
            }
            case "templateRejected" -> {
                String name = text(body, "name");
                String language = text(body, "language");
                String reason = text(body, "reason");
                simulate.templateRejected(name, language, reason);
                answer.put("name", name).put("language", language).put("status", "REJECTED");
            }
            case "channelProblem" -> {
                JsonNode problem = Json.mapper().valueToTree(simulate.channelProblem(text(body, "name"),
                        text(body, "severity"), text(body, "message")));
                answer.put("problemId", problem.path("_id").asText());
                answer.set("problem", problem);
            }
            case "channelRecovered" -> {
                JsonNode problem = Json.mapper().valueToTree(simulate.channelRecovered(text(body, "problemId")));
                answer.put("problemId", problem.path("_id").asText());
                answer.set("problem", problem);
            }
            default -> throw new NotFound("No simulated event " + event + "; the events are "
                    + String.join(", ", EVENTS));
        }
        return Reply.ok(answer);
    }

    private static JsonNode message(ObjectNode answer, Object message) {
        JsonNode node = Json.mapper().valueToTree(message);
        answer.put("messageId", node.path("_id").asText());
        answer.put("chatId", node.path("parent_chat").asText());
        answer.set("message", node);
        return node;
    }

    private static String defaultAccount(TexterSimulator sim) {
        JsonNode accounts = Json.tree(sim.state(), "the state").path("accounts");
        return accounts.path(0).path("accountId").asText();
    }

    private static MessageStatus status(JsonNode body) {
        JsonNode status = body.path("status");
        MessageStatus found = null;
        if (status.isTextual()) {
            String name = status.textValue().trim().toUpperCase(Locale.ROOT);
            for (MessageStatus candidate : MessageStatus.values()) {
                if (candidate.name().equals(name)) {
                    found = candidate;
                }
            }
        } else if (status.isInt()) {
            for (MessageStatus candidate : MessageStatus.values()) {
                if (candidate != MessageStatus.UNKNOWN && candidate.getValue() == status.intValue()) {
                    found = candidate;
                }
            }
        }
        if (found == null || found == MessageStatus.UNKNOWN) {
            List<String> names = new ArrayList<>();
            for (MessageStatus candidate : MessageStatus.values()) {
                if (candidate != MessageStatus.UNKNOWN) {
                    names.add(candidate.name() + " (" + candidate.getValue() + ")");
                }
            }
            throw new BadInput("status", "status: a message status, one of " + String.join(", ", names) + ", was "
                    + describe(status));
        }
        return found;
    }

    private static Agent agent(JsonNode body) {
        JsonNode agent = body.path("agent");
        if (!agent.isObject()) {
            throw new BadInput("agent", "agent: an object with displayName and email (and optionally id, crmId,"
                    + " roles), was " + describe(agent));
        }
        String displayName = text(agent, "displayName", "agent.displayName");
        String email = text(agent, "email", "agent.email");
        String id = optionalText(agent, "id", "agent.id");
        String crmId = optionalText(agent, "crmId", "agent.crmId");
        JsonNode roles = agent.path("roles");
        if (id == null && crmId == null && roles.isMissingNode()) {
            return Agent.of(displayName, email);
        }
        List<String> roleList = new ArrayList<>();
        if (roles.isMissingNode()) {
            roleList.add("agent");
        } else if (roles.isArray()) {
            for (JsonNode role : roles) {
                if (!role.isTextual()) {
                    throw new BadInput("agent.roles", "agent.roles: a list of role names, had " + describe(role));
                }
                roleList.add(role.textValue());
            }
        } else {
            throw new BadInput("agent.roles", "agent.roles: a list of role names, was " + describe(roles));
        }
        Agent derived = Agent.of(displayName, email);
        return new Agent(id == null ? derived.id() : id, displayName, email, crmId, roleList);
    }

    private static JsonNode body(Request request) {
        byte[] bytes = request.getBody();
        if (bytes == null || bytes.length == 0) {
            return NODES.objectNode();
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInput("body", "body: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (body == null || body.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!body.isObject()) {
            throw new BadInput("body", "body: must be a JSON object, was " + describe(body));
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        return text(body, field, field);
    }

    private static String text(JsonNode body, String field, String name) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new BadInput(name, name + ": required, a non-empty string, was " + describe(value));
        }
        return value.textValue();
    }

    private static @Nullable String optionalText(JsonNode body, String field) {
        return optionalText(body, field, field);
    }

    private static @Nullable String optionalText(JsonNode body, String field, String name) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadInput(name, name + ": a string when given, was " + describe(value));
        }
        return value.textValue();
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new WrongMethod(method + " is not allowed here; use " + allowed, allowed);
        }
    }

    private static ObjectNode clock(TexterSimulator sim) {
        ObjectNode answer = success();
        answer.put("now", sim.clock().now().toString());
        answer.put("millis", sim.clock().millis());
        return answer;
    }

    private static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode node = NODES.objectNode();
        node.put("scenarioId", d.scenarioId());
        node.put("scenarioName", d.scenarioName());
        node.put("trigger", d.trigger());
        node.put("method", d.method());
        node.put("url", d.url());
        ObjectNode headers = node.putObject("headers");
        d.headers().forEach(headers::put);
        node.set("body", d.body());
        node.put("at", d.at().toString());
        if (d.status().isPresent()) {
            node.put("status", d.status().getAsInt());
        } else {
            node.putNull("status");
        }
        node.put("error", d.error().orElse(null));
        return node;
    }

    private static ObjectNode index() {
        ObjectNode answer = success();
        ObjectNode endpoints = answer.putObject("endpoints");
        for (String event : EVENTS) {
            endpoints.put("POST " + PREFIX + "/simulate/" + event, "a simulated event (see the test kit's README)");
        }
        endpoints.put("GET " + PREFIX + "/state", "the whole project as JSON");
        endpoints.put("GET " + PREFIX + "/deliveries", "the webhooks delivered since the last reset");
        endpoints.put("POST " + PREFIX + "/reset", "back to the seed and the clock's start");
        endpoints.put("GET " + PREFIX + "/clock", "the simulated time");
        endpoints.put("POST " + PREFIX + "/clock/advance", "moves the clock forward: {\"seconds\": n}");
        return answer;
    }

    private static ObjectNode success() {
        ObjectNode answer = NODES.objectNode();
        answer.put("success", true);
        return answer;
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "absent";
        }
        return node.isContainerNode() ? (node.isArray() ? "a list" : "an object") : node.toString();
    }

    @Override
    public String getName() {
        return "texter-simulator-admin";
    }

    /** A 400: a field of the request is missing or wrong. */
    private static class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final @Nullable String field;

        BadInput(@Nullable String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** A 404: no such endpoint or event. */
    private static final class NotFound extends BadInput {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(null, message);
        }
    }

    /** A 405: the endpoint takes another method. */
    private static final class WrongMethod extends BadInput {
        private static final long serialVersionUID = 1L;
        final String allowed;

        WrongMethod(String message, String allowed) {
            super(null, message);
            this.allowed = allowed;
        }
    }

    /** Builds the JSON answers. */
    private static final class Reply {
        private Reply() {
        }

        static Builder ok(JsonNode body) {
            return new Builder(200, body.toString(), Map.of());
        }

        static Builder okJson(String json) {
            return new Builder(200, json, Map.of());
        }

        static Builder error(int status, @Nullable String message, @Nullable String field) {
            ObjectNode body = NODES.objectNode();
            body.put("success", false);
            body.put("error", message == null ? "error" : message);
            if (field != null) {
                body.put("field", field);
            }
            return new Builder(status, body.toString(), Map.of());
        }

        record Builder(int status, String body, Map<String, String> headers) {
            Builder header(String name, String value) {
                Map<String, String> more = new java.util.LinkedHashMap<>(headers);
                more.put(name, value);
                return new Builder(status, body, more);
            }

            com.github.tomakehurst.wiremock.http.ResponseDefinition build() {
                com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response = StubFactory.json(status,
                        body);
                headers.forEach(response::withHeader);
                return response.build();
            }
        }
    }
}
