package com.texterchat.testkit.internal.sim;

import static com.texterchat.testkit.internal.sim.SimModel.NODES;
import static com.texterchat.testkit.internal.sim.SimModel.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a simulated project holds at its start and after each reset, as one JSON document (the format of seed
 * files; the simulator's builder writes the same document). Immutable once built: the model copies from it.
 *
 * <pre>{@code
 * {
 *   "clock": "2025-06-01T09:00:00Z",
 *   "autoApproveTemplatesAfter": "PT1M",
 *   "accounts": [{"accountId": "972509876543", "channel": "whatsapp"}],
 *   "labels": [{"id": "VIP", "name": "VIP", "color": "#dce775"}],
 *   "agents": [{"_id": "...", "displayName": "Tyler", "email": "tyler@example.com"}],
 *   "chats": [{"phone": "0521234567", "title": "Niv", "labels": ["VIP"], "status": "BOT",
 *              "messages": [{"direction": "incoming", "text": "Hi", "at": "2025-06-01T08:55:00Z"}]}],
 *   "templates": [{"name": "order_ready", "category": "UTILITY",
 *                  "localizations": [{"language": "he", "status": "APPROVED", "body": "Hi {{1}}"}]}],
 *   "quickReplies": [{"send": {...}, "display": {...}}],
 *   "subscriptions": [{"data": <scenario document>, "asStatus": "active"}],
 *   "unsubscribed": [{"phone": "0549431678"}],
 *   "problems": [{"name": "...", "severity": "error", "message": "..."}]
 * }
 * }</pre>
 */
public final class SimSeed {

    /** The WhatsApp business number of a project seeded without accounts (the spec examples' number). */
    public static final String DEFAULT_ACCOUNT = "972509876543";
    private static final Set<String> KEYS = Set.of("clock", "autoApproveTemplatesAfter", "defaultCountry",
            "accounts", "labels", "agents", "chats", "templates", "quickReplies", "subscriptions", "unsubscribed",
            "problems");

    private final ObjectNode document;

    private SimSeed(ObjectNode document) {
        this.document = document;
    }

    /**
     * A seed from its document; unknown top-level keys are refused (a typo would otherwise seed nothing).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SimSeed of(JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            throw new IllegalArgumentException("A simulator seed is a JSON object, got " + document.getNodeType());
        }
        for (String key : (Iterable<String>) () -> object.fieldNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown seed key '" + key + "'; a seed has: " + KEYS);
            }
        }
        SimSeed seed = new SimSeed(object.deepCopy());
        seed.start();
        seed.autoApproveAfter();
        return seed;
    }

    /** The document, a copy. */
    public ObjectNode document() {
        return document.deepCopy();
    }

    /** The clock's start. */
    public Instant start() {
        String clock = text(document, "clock");
        return clock == null ? com.texterchat.testkit.simulator.SimulatorClock.DEFAULT_START : instant(clock, "clock");
    }

    /** The delay after which submitted templates are approved by themselves; null: only when a test says so. */
    public @Nullable Duration autoApproveAfter() {
        String delay = text(document, "autoApproveTemplatesAfter");
        if (delay == null) {
            return null;
        }
        try {
            Duration parsed = Duration.parse(delay);
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("autoApproveTemplatesAfter must not be negative: " + delay);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("autoApproveTemplatesAfter is no ISO-8601 duration (PT1M): " + delay, e);
        }
    }

    private static Instant instant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " is no ISO-8601 instant (2025-06-01T09:00:00Z): " + text, e);
        }
    }

    /** Fills an empty model. */
    void applyTo(SimModel m) {
        for (JsonNode account : document.path("accounts")) {
            String id = m.phoneDigits(text(account, "accountId")).orElse(String.valueOf(text(account, "accountId")));
            m.addAccount(id, account.path("channel").asText("whatsapp"));
        }
        if (m.accounts.isEmpty()) {
            m.addAccount(DEFAULT_ACCOUNT, "whatsapp");
        }
        for (JsonNode label : document.path("labels")) {
            ObjectNode copy = (ObjectNode) label.deepCopy();
            if (!copy.has("color")) {
                copy.put("color", "#9e9e9e");
            }
            m.labels.put(copy.path("id").asText(), copy);
        }
        for (JsonNode agent : document.path("agents")) {
            ObjectNode copy = (ObjectNode) agent.deepCopy();
            if (!copy.has("_id")) {
                copy.put("_id", SimModel.token("agent:" + copy.path("email").asText()).substring(0, 28));
            }
            if (!copy.has("roles")) {
                copy.putArray("roles").add("agent");
            }
            m.agents.put(copy.path("_id").asText(), copy);
        }
        for (JsonNode chat : document.path("chats")) {
            seedChat(m, chat);
        }
        for (JsonNode template : document.path("templates")) {
            seedTemplate(m, template);
        }
        for (JsonNode reply : document.path("quickReplies")) {
            ObjectNode copy = (ObjectNode) reply.deepCopy();
            if (!copy.has("_id")) {
                copy.put("_id", m.nextId());
            }
            if (!copy.has("metadata")) {
                copy.putObject("metadata").put("created", m.millis());
            }
            m.quickReplies.put(copy.path("_id").asText(), copy);
        }
        SimScenarios scenarios = new SimScenarios(m);
        for (JsonNode subscription : document.path("subscriptions")) {
            scenarios.store(subscription.path("data"), subscription.path("asStatus").asText("active"), null);
        }
        for (JsonNode unsubscribed : document.path("unsubscribed")) {
            String phone = m.requirePhone(String.valueOf(text(unsubscribed, "phone")), "unsubscribed[].phone");
            String account = text(unsubscribed, "accountId");
            m.unsubscribed.put(phone, new SimModel.Unsubscription(phone, account == null ? Set.of() : Set.of(account),
                    m.millis()));
            for (SimChat chat : m.chatsByPhone.getOrDefault(phone, List.of())) {
                chat.doc.putObject("unsubscribed").put("date", m.iso());
                chat.doc.put("unsubscribedTime", m.millis());
            }
        }
        for (JsonNode problem : document.path("problems")) {
            ObjectNode copy = (ObjectNode) problem.deepCopy();
            if (!copy.has("_id")) {
                copy.put("_id", m.nextId());
            }
            if (!copy.has("channel")) {
                copy.put("channel", "whatsapp");
            }
            if (!copy.has("accountId")) {
                copy.put("accountId", m.defaultAccount());
            }
            if (!copy.has("createdAt")) {
                copy.put("createdAt", m.millis());
            }
            m.problems.put(copy.path("_id").asText(), copy);
        }
    }

    private static void seedChat(SimModel m, JsonNode seed) {
        String phone = m.requirePhone(String.valueOf(text(seed, "phone")), "chats[].phone");
        String account = text(seed, "accountId");
        SimChat chat = m.chatFor(phone, account == null ? m.defaultAccount() : account, text(seed, "title"));
        ObjectNode doc = chat.doc;
        if (seed.has("labels")) {
            doc.set("labels", seed.get("labels").deepCopy());
        }
        JsonNode status = seed.get("status");
        if (status != null) {
            int number = status.isInt() ? status.asInt()
                    : SimModel.STATUS_NAMES.indexOf(status.asText().toUpperCase(Locale.ROOT));
            if (number < 0 || number >= SimModel.STATUS_NAMES.size()) {
                throw new IllegalArgumentException("chats[].status must be one of " + SimModel.STATUS_NAMES
                        + ", got " + status);
            }
            doc.put("status", number);
        }
        for (String field : List.of("displayName", "crmData", "crmDeepLink", "externalBot", "departmentId")) {
            if (seed.has(field)) {
                doc.set(field, seed.get(field).deepCopy());
            }
        }
        if (seed.has("agent")) {
            doc.set("agent", seed.get("agent").deepCopy());
        }
        for (JsonNode message : seed.path("messages")) {
            String direction = message.path("direction").asText("incoming");
            if (!direction.equals("incoming") && !direction.equals("outgoing")) {
                throw new IllegalArgumentException("chats[].messages[].direction must be incoming or outgoing, got "
                        + direction);
            }
            String at = text(message, "at");
            long time = at == null ? m.millis() : instant(at, "chats[].messages[].at").toEpochMilli();
            ObjectNode stored = m.newMessage(chat, direction, time);
            for (Map.Entry<String, JsonNode> field : message.properties()) {
                if (!field.getKey().equals("at") && !field.getKey().equals("direction")) {
                    stored.set(field.getKey(), field.getValue().deepCopy());
                }
            }
            if (!stored.has("type")) {
                stored.put("type", "text");
            }
            m.addMessage(chat, stored);
        }
    }

    private static void seedTemplate(SimModel m, JsonNode seed) {
        String name = String.valueOf(text(seed, "name"));
        String account = text(seed, "accountId") == null ? m.defaultAccount() : text(seed, "accountId");
        ObjectNode template = NODES.objectNode();
        template.put("_id", m.nextId());
        template.put("name", name);
        template.put("title", seed.path("title").asText(name));
        template.put("usage", seed.path("usage").asText("inbox"));
        template.put("chatStatus", seed.path("chatStatus").asInt(1));
        template.put("created", m.millis());
        template.put("updatedAt", m.iso());
        template.putArray("departments");
        template.put("isDefault", seed.path("isDefault").asBoolean(false));
        ObjectNode channelInfo = template.putObject("channelInfo");
        channelInfo.put("name", "whatsapp");
        channelInfo.put("accountId", account);
        ObjectNode provider = template.putObject("provider_template");
        provider.put("name", name);
        provider.put("category", seed.path("category").asText("UTILITY"));
        ArrayNode localizations = provider.putArray("localizations");
        provider.putObject("metadata");
        ObjectNode defaults = NODES.objectNode();
        for (JsonNode l : seed.path("localizations")) {
            ObjectNode localization = localizations.addObject();
            String language = l.path("language").asText("en");
            localization.put("language", language);
            String status = l.path("status").asText("APPROVED");
            localization.put("status", status);
            if (status.equals("PENDING")) {
                Duration delay = m.autoApproveAfter();
                m.reviews.add(new SimModel.PendingReview(SimModel.templateKey(account, name), language,
                        delay == null ? null : m.now().plus(delay)));
            }
            localization.put("rejectionReason", "NONE");
            if (l.has("components")) {
                localization.set("components", l.get("components").deepCopy());
            } else {
                localization.putArray("components").addObject().put("type", "BODY")
                        .put("text", l.path("body").asText(""));
            }
            localization.put("createdAt", m.iso());
            localization.put("lastUpdated", m.iso());
            if (l.has("defaults")) {
                defaults.set(language, l.get("defaults").deepCopy());
            }
        }
        if (!defaults.isEmpty()) {
            template.set("defaults", defaults);
        }
        template.putObject("localizationDrafts");
        m.templates.put(SimModel.templateKey(account, name), template);
    }
}
