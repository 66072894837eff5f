package com.texterchat.testkit.internal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.texterchat.testkit.internal.Phones;
import com.texterchat.testkit.internal.scenario.ScenarioEngine;
import com.texterchat.testkit.internal.scenario.ScenarioHost;
import com.texterchat.testkit.internal.scenario.SimEvent;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory Texter project of the simulator: channel accounts, chats with their messages, templates with
 * localizations, labels, quick replies, scenarios (subscriptions) with revisions and drafts, unsubscribed
 * recipients and channel health problems.
 *
 * <p>Every request and simulated event takes one lock, changes the model and writes its answer while holding it;
 * the events a change causes are collected per thread and handed to the event sinks (and the scenario engine)
 * after the lock is released, so a webhook receiver may call the simulated API again while it handles a
 * delivery. Indexes: chats by id and by phone, messages per chat in time order and by id; no request scans all
 * messages.
 */
public final class SimModel implements ScenarioHost {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration SESSION_WINDOW = Duration.ofHours(24);
    /** Chat status numbers (Texter's enum). */
    static final int BOT = 0;
    static final int PENDING = 1;
    static final int ASSIGNED = 2;
    static final int RESOLVED = 3;
    static final List<String> STATUS_NAMES = List.of("BOT", "PENDING", "ASSIGNED", "RESOLVED", "BULK");
    private static final int PARSED_PHONES = 4096;

    private final Supplier<Instant> clock;
    private final String defaultCountry;
    /** The numbers {@link #phoneDigits} read lately, at most {@value #PARSED_PHONES} (then it starts over). */
    private final Map<String, Optional<String>> parsedPhones = new ConcurrentHashMap<>();
    private final SimSeed seed;
    private final ScenarioEngine engine = new ScenarioEngine();
    private final List<Consumer<SimEvent>> sinks = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> scenarioErrors = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<SimEvent>> pendingEvents = ThreadLocal.withInitial(ArrayList::new);
    private volatile String baseUrl = "http://127.0.0.1";

    // ---- state (guarded by this) ----
    final List<ObjectNode> accounts = new ArrayList<>();
    final Map<String, SimChat> chats = new LinkedHashMap<>();
    final Map<String, List<SimChat>> chatsByPhone = new HashMap<>();
    final Map<String, ObjectNode> messagesById = new HashMap<>();
    final Map<String, SimChat> chatOfMessage = new HashMap<>();
    final Map<String, ObjectNode> labels = new LinkedHashMap<>();
    final Map<String, ObjectNode> templates = new LinkedHashMap<>();
    final List<PendingReview> reviews = new ArrayList<>();
    final Map<String, ObjectNode> quickReplies = new LinkedHashMap<>();
    final Map<String, ObjectNode> scenarios = new LinkedHashMap<>();
    final List<ObjectNode> runs = new ArrayList<>();
    final Map<String, ObjectNode> problems = new LinkedHashMap<>();
    final Map<String, Unsubscription> unsubscribed = new LinkedHashMap<>();
    final Map<String, ObjectNode> agents = new LinkedHashMap<>();
    final Set<String> files = new LinkedHashSet<>();
    private long idCounter;
    private @Nullable Duration autoApproveAfter;

    /** A submitted localization waiting for WhatsApp's review, approved at {@code due} unless decided earlier. */
    record PendingReview(String templateKey, String language, @Nullable Instant due) {
    }

    /** An unsubscribed recipient: from every WhatsApp account ({@code accounts} empty) or from some. */
    record Unsubscription(String phone, Set<String> accounts, long since) {
    }

    /**
     * A model over a seed.
     *
     * @param clock the simulator's clock
     * @param defaultCountry the project's default country
     * @param seed what the project holds at the start and after each reset
     */
    public SimModel(Supplier<Instant> clock, String defaultCountry, SimSeed seed) {
        this.clock = clock;
        this.defaultCountry = defaultCountry;
        this.seed = seed;
        reset();
    }

    /** The root URL of the server, for the links Generate Public Media URL answers. */
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** The project's default country. */
    public String defaultCountry() {
        return defaultCountry;
    }

    /** Adds an observer of every event the model emits (the scenarios run after the observers). */
    public void addSink(Consumer<SimEvent> sink) {
        sinks.add(sink);
    }

    /** Removes an observer. */
    public void removeSink(Consumer<SimEvent> sink) {
        sinks.remove(sink);
    }

    /** The webhooks delivered since the last reset, oldest first. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Scenario runs that failed inside the engine since the last reset (not receiver failures). */
    public List<String> scenarioErrors() {
        return List.copyOf(scenarioErrors);
    }

    /** Puts the project back to the seed: every write since is undone, deliveries and runs forgotten. */
    public synchronized void reset() {
        accounts.clear();
        chats.clear();
        chatsByPhone.clear();
        messagesById.clear();
        chatOfMessage.clear();
        labels.clear();
        templates.clear();
        reviews.clear();
        quickReplies.clear();
        scenarios.clear();
        runs.clear();
        problems.clear();
        unsubscribed.clear();
        agents.clear();
        files.clear();
        idCounter = 0;
        deliveries.clear();
        scenarioErrors.clear();
        pendingEvents.get().clear();
        autoApproveAfter = seed.autoApproveAfter();
        seed.applyTo(this);
        pendingEvents.get().clear();
    }

    // ------------------------------------------------------------------------------------------------------------
    // running requests and simulated events

    /**
     * Runs a change or read under the model's lock, then delivers the events it caused (outside the lock).
     */
    public <T> T run(Supplier<T> action) {
        T result;
        synchronized (this) {
            completeDueReviews();
            result = action.get();
        }
        flushEvents();
        return result;
    }

    /** Completes the template reviews that are due on the clock; called on every request and clock change. */
    public void clockChanged() {
        run(() -> Boolean.TRUE);
    }

    private void flushEvents() {
        List<SimEvent> pending = pendingEvents.get();
        while (!pending.isEmpty()) {
            SimEvent event = pending.remove(0);
            for (Consumer<SimEvent> sink : sinks) {
                sink.accept(event);
            }
            runScenarios(event);
        }
    }

    private void runScenarios(SimEvent event) {
        List<ObjectNode[]> matching = new ArrayList<>();
        synchronized (this) {
            for (ObjectNode scenario : scenarios.values()) {
                JsonNode active = scenario.get("activeRevision");
                if (active instanceof ObjectNode revision && triggers(revision, event.trigger())) {
                    matching.add(new ObjectNode[] {scenario, revision.deepCopy()});
                }
            }
        }
        for (ObjectNode[] pair : matching) {
            String scenarioId = pair[0].path("_id").asText();
            ObjectNode revision = pair[1];
            Instant started = now();
            boolean success = true;
            List<WebhookDelivery> sent = List.of();
            try {
                sent = engine.run(scenarioId, revision, event, this);
                deliveries.addAll(sent);
            } catch (RuntimeException e) {
                success = false;
                scenarioErrors.add(scenarioId + " (" + revision.path("name").asText() + ") on " + event.trigger()
                        + ": " + e);
            }
            synchronized (this) {
                ObjectNode run = NODES.objectNode();
                run.put("_id", nextId());
                run.put("scenarioId", scenarioId);
                run.put("version", revision.path("version").asInt(1));
                run.put("success", success && sent.stream().allMatch(d -> d.status().isPresent()));
                run.put("started", started.toEpochMilli());
                run.put("executionTime", 0);
                run.put("conditionsResult", !sent.isEmpty());
                ArrayNode steps = run.putArray("steps");
                steps.addObject().put("type", "event").put("name", event.trigger()).put("executionTime", 0);
                runs.add(run);
            }
        }
    }

    private static boolean triggers(ObjectNode revision, String trigger) {
        for (JsonNode t : revision.path("triggerEvents")) {
            if (trigger.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    void emit(String trigger, Map<String, JsonNode> providers) {
        pendingEvents.get().add(new SimEvent(trigger, providers));
    }

    // ------------------------------------------------------------------------------------------------------------
    // ScenarioHost

    @Override
    public Map<String, JsonNode> load(String loaderName, JsonNode params, SimEvent event) {
        synchronized (this) {
            switch (loaderName) {
                case "chat" -> {
                    SimChat chat = null;
                    String id = text(params, "id");
                    if (id != null) {
                        chat = chats.get(id);
                    } else {
                        String byChannel = text(params, "idByChannel");
                        if (byChannel != null) {
                            chat = findChat(byChannel, text(params, "accountId"));
                        }
                    }
                    return chat == null ? Map.of() : Map.of("chat", chatProvider(chat));
                }
                case "chatMessages" -> {
                    SimChat chat = chats.get(String.valueOf(text(params, "chatId")));
                    if (chat == null) {
                        return Map.of();
                    }
                    ObjectNode provider = NODES.objectNode();
                    ArrayNode list = provider.putArray("messages");
                    chat.messages.forEach(m -> list.add(m.deepCopy()));
                    return Map.of("chatMessages", provider);
                }
                default -> {
                    return Map.of();
                }
            }
        }
    }

    @Override
    public boolean runAction(String actionName, JsonNode params, SimEvent event) {
        return run(() -> {
            switch (actionName) {
                case "chatUpdateLabels" -> {
                    SimChat chat = chats.get(String.valueOf(text(params, "chatId")));
                    if (chat == null) {
                        return Boolean.TRUE;
                    }
                    List<String> ids = strings(params.path("labels"));
                    String operation = String.valueOf(text(params, "operation"));
                    changeLabels(chat, operation.equals("set") ? "set" : operation.equals("remove") ? "remove"
                            : "add", ids);
                    return Boolean.TRUE;
                }
                case "sendMessage" -> {
                    JsonNode chatRef = params.path("chat");
                    String chatId = chatRef.isTextual() ? chatRef.asText() : chatRef.path("_id").asText(null);
                    SimChat chat = chatId == null ? null : chats.get(chatId);
                    if (chat != null && params.path("message").isObject()) {
                        storeOutgoing(chat, (ObjectNode) params.path("message").deepCopy(), null);
                    }
                    return Boolean.TRUE;
                }
                default -> {
                    return Boolean.FALSE;
                }
            }
        });
    }

    @Override
    public Instant now() {
        return clock.get();
    }

    // ------------------------------------------------------------------------------------------------------------
    // shared helpers for the operations

    synchronized String nextId() {
        idCounter++;
        return String.format(Locale.ROOT, "%08x%016x", now().getEpochSecond() & 0xffffffffL, idCounter);
    }

    long millis() {
        return now().toEpochMilli();
    }

    String iso() {
        return ISO.format(now());
    }

    static String iso(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }

    String baseUrl() {
        return baseUrl;
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            values.add(item.asText());
        }
        return values;
    }

    static String token(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The phone as E.164 digits, or empty when it is no phone number in the project's default country. */
    Optional<String> phoneDigits(@Nullable String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        // libphonenumber's parse is a good part of a Search Chats request; the same few numbers come back
        Optional<String> known = parsedPhones.get(phone);
        if (known == null) {
            known = Phones.tryParse(phone, defaultCountry).map(Phones::digits);
            if (parsedPhones.size() >= PARSED_PHONES) {
                parsedPhones.clear();
            }
            parsedPhones.put(phone, known);
        }
        return known;
    }

    /** The phone as E.164 digits; an {@link IllegalArgumentException} naming the parameter otherwise. */
    String requirePhone(String phone, String parameter) {
        PhoneNumber number = Phones.parse(phone, parameter, defaultCountry);
        return Phones.digits(number);
    }

    String defaultAccount() {
        return accounts.isEmpty() ? SimSeed.DEFAULT_ACCOUNT : accounts.get(0).path("accountId").asText();
    }

    String channelOf(String accountId) {
        for (ObjectNode account : accounts) {
            if (accountId.equals(account.path("accountId").asText())) {
                return account.path("channel").asText("whatsapp");
            }
        }
        return "whatsapp";
    }

    boolean hasAccount(String accountId) {
        for (ObjectNode account : accounts) {
            if (accountId.equals(account.path("accountId").asText())) {
                return true;
            }
        }
        return false;
    }

    void addAccount(String accountId, String channel) {
        if (!hasAccount(accountId)) {
            ObjectNode account = NODES.objectNode();
            account.put("accountId", accountId);
            account.put("channel", channel);
            accounts.add(account);
        }
    }

    /** The chat of a phone (any form) on an account, or on any account when {@code accountId} is null. */
    @Nullable SimChat findChat(String phone, @Nullable String accountId) {
        Optional<String> digits = phoneDigits(phone);
        List<SimChat> found = digits.map(chatsByPhone::get).orElse(null);
        if (found == null) {
            found = chatsByPhone.get(phone);
        }
        if (found == null) {
            return null;
        }
        for (SimChat chat : found) {
            if (accountId == null || accountId.equals(chat.accountId)) {
                return chat;
            }
        }
        return null;
    }

    /** The chat of a phone on an account, created (with no messages) if there is none. */
    SimChat chatFor(String phoneDigits, String accountId, @Nullable String title) {
        SimChat existing = findChat(phoneDigits, accountId);
        if (existing != null) {
            return existing;
        }
        String id = nextId();
        ObjectNode doc = NODES.objectNode();
        doc.put("_id", id);
        doc.put("title", title == null ? "+" + phoneDigits : title);
        String channel = channelOf(accountId);
        ObjectNode channelInfo = doc.putObject("channelInfo");
        channelInfo.put("name", channel);
        channelInfo.put("id", phoneDigits);
        channelInfo.put("accountId", accountId);
        ObjectNode agent = doc.putObject("agent");
        agent.putNull("uid");
        agent.put("displayName", "");
        doc.putNull("departmentId");
        doc.put("status", BOT);
        doc.put("unreadCount", 0);
        doc.putArray("labels");
        doc.put("created", iso());
        doc.put("updatedAt", iso());
        doc.putObject("botState").put("id", token("bot-session:" + id + ":1"));
        doc.putObject("crmData");
        doc.put("externalBot", false);
        doc.put("channel", channel);
        doc.put("clientPhone", "+" + phoneDigits);
        doc.put("clientPhoneE164", "+" + phoneDigits);
        doc.put("entityPhone", "+" + accountId);
        SimChat chat = new SimChat(id, phoneDigits, accountId, doc);
        chats.put(id, chat);
        chatsByPhone.computeIfAbsent(phoneDigits, k -> new ArrayList<>()).add(chat);
        return chat;
    }

    void touch(SimChat chat) {
        chat.doc.put("updatedAt", iso());
    }

    /** The full chat (Search Chats' fields plus lastMessage), a copy. */
    static ObjectNode fullChat(SimChat chat) {
        return chat.doc.deepCopy();
    }

    /** The chat provider of events and the {@code chat} loader: {@code {"chat": <chat>, "externalBot": bool}}. */
    static ObjectNode chatProvider(SimChat chat) {
        ObjectNode provider = NODES.objectNode();
        provider.set("chat", fullChat(chat));
        provider.put("externalBot", chat.doc.path("externalBot").asBoolean(false));
        return provider;
    }

    void emitChat(String trigger, SimChat chat) {
        emit(trigger, Map.of("chat", chatProvider(chat)));
    }

    /** Stores a message in its chat, in time order, and updates the chat's summary fields. */
    void addMessage(SimChat chat, ObjectNode message) {
        long time = message.path("timestamp").asLong();
        List<ObjectNode> list = chat.messages;
        int at = list.size();
        while (at > 0 && list.get(at - 1).path("timestamp").asLong() > time) {
            at--;
        }
        list.add(at, message);
        String id = message.path("_id").asText();
        messagesById.put(id, message);
        chatOfMessage.put(id, chat);
        boolean incoming = "incoming".equals(message.path("direction").asText());
        if (at == list.size() - 1) {
            ObjectNode preview = NODES.objectNode();
            preview.put("type", message.path("type").asText("text"));
            if (message.hasNonNull("text")) {
                preview.put("text", message.path("text").asText());
            }
            if (message.has("media")) {
                preview.set("media", message.get("media").deepCopy());
            }
            chat.doc.set("lastMessage", preview);
            chat.doc.put("last_message_timestamp", time);
        }
        if (incoming && time >= chat.lastIncoming()) {
            chat.doc.put("lastIncomingMessageTimestamp", time);
        }
        for (JsonNode media : message.path("media")) {
            if (media.hasNonNull("fileId")) {
                files.add(media.path("fileId").asText());
            }
        }
        chat.doc.put("updatedAt", iso(Math.max(time, millis())));
    }

    ObjectNode newMessage(SimChat chat, String direction, long time) {
        ObjectNode message = NODES.objectNode();
        String id = nextId();
        message.put("_id", id);
        ObjectNode chatChannel = message.putObject("chatChannelInfo");
        chatChannel.put("name", chat.doc.path("channelInfo").path("name").asText("whatsapp"));
        chatChannel.put("id", chat.phone);
        chatChannel.put("accountId", chat.accountId);
        message.putObject("channelInfo").put("id", "wamid.SIM" + id.toUpperCase(Locale.ROOT));
        message.put("direction", direction);
        message.put("parent_chat", chat.id);
        int status = "incoming".equals(direction) ? 2 : 0;
        message.put("status", status);
        message.putArray("statusHistory").addObject().put("status", status).put("timestamp", time);
        message.put("timestamp", time);
        message.put("updatedAt", iso(time));
        return message;
    }

    /** Stores an outgoing message from a session-message body and emits {@code domain.message.created}. */
    ObjectNode storeOutgoing(SimChat chat, ObjectNode content, @Nullable String type) {
        ObjectNode message = newMessage(chat, "outgoing", millis());
        Iterator<Map.Entry<String, JsonNode>> fields = content.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!message.has(field.getKey())) {
                message.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        if (type != null) {
            message.put("type", type);
        }
        if (!message.has("type")) {
            message.put("type", "text");
        }
        addMessage(chat, message);
        emitMessageCreated(chat, message);
        return message;
    }

    void emitMessageCreated(SimChat chat, ObjectNode message) {
        ObjectNode provider = NODES.objectNode();
        provider.set("message", message.deepCopy());
        provider.put("parent_chat", chat.id);
        emit("domain.message.created", Map.of("message", provider));
    }

    /** Whether a session message may be sent: the contact wrote within the last 24 hours. */
    boolean windowOpen(SimChat chat) {
        long last = chat.lastIncoming();
        return last > 0 && millis() - last < SESSION_WINDOW.toMillis();
    }

    // ------------------------------------------------------------------------------------------------------------
    // changes shared by the API and the simulation calls

    void changeLabels(SimChat chat, String operation, List<String> ids) {
        List<String> old = strings(chat.doc.path("labels"));
        LinkedHashSet<String> now = new LinkedHashSet<>(operation.equals("set") ? List.of() : old);
        switch (operation) {
            case "add", "set" -> now.addAll(ids);
            case "remove" -> ids.forEach(now::remove);
            default -> throw new IllegalArgumentException(operation);
        }
        List<String> added = new ArrayList<>(now);
        added.removeAll(old);
        List<String> removed = new ArrayList<>(old);
        removed.removeAll(now);
        ArrayNode labelsNode = chat.doc.putArray("labels");
        now.forEach(labelsNode::add);
        touch(chat);
        if (!added.isEmpty() || !removed.isEmpty()) {
            Map<String, JsonNode> providers = new LinkedHashMap<>();
            providers.put("chat", chatProvider(chat));
            providers.put("oldLabels", labelList(old));
            providers.put("addedLabels", labelList(added));
            providers.put("removedLabels", labelList(removed));
            emit("domain.chat.labels", providers);
        }
    }

    private static ObjectNode labelList(List<String> ids) {
        ObjectNode node = NODES.objectNode();
        ArrayNode array = node.putArray("labels");
        ids.forEach(array::add);
        return node;
    }

    void resolve(SimChat chat) {
        chat.doc.put("status", RESOLVED);
        chat.doc.put("resolvedUpdateTime", now().getEpochSecond());
        chat.doc.put("unreadCount", 0);
        touch(chat);
        emitChat("domain.chat.resolved", chat);
    }

    ObjectNode agentFor(@Nullable String uid, @Nullable String email, @Nullable String crmId) {
        for (ObjectNode agent : agents.values()) {
            if ((uid != null && uid.equals(text(agent, "_id"))) || (email != null && email.equalsIgnoreCase(
                    String.valueOf(text(agent, "email")))) || (crmId != null && crmId.equals(text(agent, "crmId")))) {
                return agent;
            }
        }
        String key = uid != null ? uid : email != null ? email : String.valueOf(crmId);
        ObjectNode agent = NODES.objectNode();
        agent.put("_id", uid != null ? uid : token("agent:" + key).substring(0, 28));
        if (crmId != null) {
            agent.put("crmId", crmId);
        } else {
            agent.putNull("crmId");
        }
        String name = email != null ? email.substring(0, Math.max(email.indexOf('@'), 0)) : key;
        agent.put("displayName", name.isEmpty() ? key : name);
        if (email != null) {
            agent.put("email", email);
        } else {
            agent.putNull("email");
        }
        agent.putArray("roles").add("agent");
        agents.put(agent.path("_id").asText(), agent);
        return agent;
    }

    // ------------------------------------------------------------------------------------------------------------
    // templates

    static String templateKey(String accountId, String name) {
        return accountId + "/" + name;
    }

    @Nullable Duration autoApproveAfter() {
        return autoApproveAfter;
    }

    /** Sets a localization's review outcome; returns false when there is no such localization. */
    boolean decideTemplate(String name, String language, String status, @Nullable String reason) {
        boolean found = false;
        for (ObjectNode template : templates.values()) {
            if (!name.equals(template.path("name").asText())) {
                continue;
            }
            for (JsonNode localization : template.path("provider_template").path("localizations")) {
                if (language.equals(localization.path("language").asText())) {
                    ObjectNode l = (ObjectNode) localization;
                    l.put("status", status);
                    l.put("rejectionReason", reason == null ? "NONE" : reason);
                    l.put("lastUpdated", iso());
                    template.put("updatedAt", iso());
                    found = true;
                }
            }
            String key = templateKey(template.path("channelInfo").path("accountId").asText(), name);
            reviews.removeIf(r -> r.templateKey().equals(key) && r.language().equals(language));
        }
        return found;
    }

    private void completeDueReviews() {
        if (reviews.isEmpty()) {
            return;
        }
        Instant now = now();
        List<PendingReview> due = new ArrayList<>();
        for (PendingReview review : reviews) {
            if (review.due() != null && !review.due().isAfter(now)) {
                due.add(review);
            }
        }
        for (PendingReview review : due) {
            ObjectNode template = templates.get(review.templateKey());
            if (template != null) {
                decideTemplate(template.path("name").asText(), review.language(), "APPROVED", null);
            }
            reviews.remove(review);
        }
    }

    /** The text of a template localization's BODY with its variables filled in. */
    static String render(@Nullable JsonNode localization, List<String> values) {
        if (localization == null) {
            return "";
        }
        for (JsonNode component : localization.path("components")) {
            if ("BODY".equals(component.path("type").asText())) {
                String text = component.path("text").asText("");
                for (int i = 0; i < values.size(); i++) {
                    text = text.replace("{{" + (i + 1) + "}}", values.get(i));
                }
                return text;
            }
        }
        return "";
    }

    // ------------------------------------------------------------------------------------------------------------
    // state dump

    /** A JSON dump of the whole project, for debugging a failing test. */
    public synchronized ObjectNode state() {
        ObjectNode state = NODES.objectNode();
        state.put("now", now().toString());
        state.put("defaultCountry", defaultCountry);
        ArrayNode accountList = state.putArray("accounts");
        accounts.forEach(a -> accountList.add(a.deepCopy()));
        ArrayNode chatList = state.putArray("chats");
        for (SimChat chat : chats.values()) {
            ObjectNode c = chatList.addObject();
            c.set("chat", fullChat(chat));
            ArrayNode messages = c.putArray("messages");
            chat.messages.forEach(m -> messages.add(m.deepCopy()));
        }
        ArrayNode labelList = state.putArray("labels");
        labels.values().forEach(l -> labelList.add(l.deepCopy()));
        ArrayNode templateList = state.putArray("templates");
        templates.values().forEach(t -> templateList.add(t.deepCopy()));
        ArrayNode replies = state.putArray("quickReplies");
        quickReplies.values().forEach(q -> replies.add(q.deepCopy()));
        ArrayNode scenarioList = state.putArray("subscriptions");
        scenarios.values().forEach(s -> scenarioList.add(s.deepCopy()));
        ArrayNode unsubscribedList = state.putArray("unsubscribed");
        for (Unsubscription u : unsubscribed.values()) {
            ObjectNode node = unsubscribedList.addObject();
            node.put("phone", "+" + u.phone());
            ArrayNode accountIds = node.putArray("accounts");
            u.accounts().forEach(accountIds::add);
            node.put("since", iso(u.since()));
        }
        ArrayNode problemList = state.putArray("problems");
        problems.values().forEach(p -> problemList.add(p.deepCopy()));
        ArrayNode agentList = state.putArray("agents");
        agents.values().forEach(a -> agentList.add(a.deepCopy()));
        state.put("deliveries", deliveries.size());
        ArrayNode errors = state.putArray("scenarioErrors");
        scenarioErrors.forEach(errors::add);
        return state;
    }

    /** How many messages the project holds (for benchmarks and tests). */
    public synchronized int messageCount() {
        return messagesById.size();
    }

    static <T> List<T> page(List<T> all, int skip, int limit) {
        if (skip >= all.size()) {
            return Collections.emptyList();
        }
        return all.subList(skip, Math.min(all.size(), skip + limit));
    }
}
