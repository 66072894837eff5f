package com.texterchat.testkit.internal.sim;

import static com.texterchat.testkit.internal.sim.SimModel.NODES;
import static com.texterchat.testkit.internal.sim.SimModel.strings;
import static com.texterchat.testkit.internal.sim.SimModel.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.SpecOperation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The 49 operations of Texter's API over the {@link SimModel}: each reads the request (path and query parameters
 * and the JSON body, already checked against the spec), changes the model as Texter documents it, and answers.
 */
public final class SimOperations {

    private final SimModel m;

    /** Operations over a model. */
    public SimOperations(SimModel model) {
        this.m = model;
    }

    /**
     * Answers one request.
     *
     * @param operation the operation (by its operationId)
     * @param path the decoded path parameters
     * @param query the decoded query parameters (names as sent, brackets included)
     * @param body the JSON body, or a missing node
     */
    public SimReply handle(SpecOperation operation, Map<String, String> path, Map<String, List<String>> query,
            JsonNode body) {
        Request r = new Request(path, query, body);
        return m.run(() -> {
            try {
                return dispatch(operation.id(), r);
            } catch (IllegalArgumentException e) {
                return SimReply.badRequest(String.valueOf(e.getMessage()));
            }
        });
    }

    private SimReply dispatch(String operationId, Request r) {
        return switch (operationId) {
            case "listChannelHealthProblems" -> listProblems(r);
            case "resolveChannelHealthProblem" -> resolveProblem(r);
            case "assignChat" -> assignChat(r);
            case "getChat" -> getChat(r);
            case "updateChatProperties" -> updateChatProperties(r);
            case "resolveChat" -> resolveChat(r);
            case "searchChats" -> searchChats(r);
            case "updateCrmData" -> updateCrmData(r);
            case "generatePublicMediaUrl" -> shareFile(r);
            case "createLabel" -> createLabel(r);
            case "listLabels" -> listLabels(r);
            case "deleteLabel" -> deleteLabel(r);
            case "getLabel" -> getLabel(r);
            case "updateLabel" -> updateLabel(r);
            case "manageChatLabels" -> manageChatLabels(r);
            case "createTemplate" -> createTemplate(r);
            case "upsertTemplateLocalization" -> localizeTemplate(r);
            case "deleteTemplate" -> deleteTemplate(r);
            case "updateTemplate" -> updateTemplate(r);
            case "listTemplates" -> listTemplates(r);
            case "sendTemplateMessage" -> sendTemplate(r);
            case "submitTemplateLocalization" -> submitTemplate(r);
            case "getChatMessages" -> getChatMessages(r);
            case "sendMessage" -> sendMessage(r);
            case "createQuickReply" -> createQuickReply(r);
            case "listQuickReplies" -> listQuickReplies(r);
            case "deleteQuickReply" -> deleteQuickReply(r);
            case "updateQuickReply" -> updateQuickReply(r);
            case "listUnsubscribedUsers" -> listUnsubscribed(r, null);
            case "listUnsubscribedUsersByAccount" -> listUnsubscribed(r, r.path("accountId"));
            case "resubscribeToTemplates" -> resubscribe(r);
            case "unsubscribeFromTemplates" -> unsubscribe(r);
            default -> new SimScenarios(m).handle(operationId, r);
        };
    }

    /** One request's parameters and body. */
    record Request(Map<String, String> pathParameters, Map<String, List<String>> query, JsonNode body) {

        String path(String name) {
            String value = pathParameters.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing path parameter " + name);
            }
            return value;
        }

        @Nullable String query(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> queryAll(String name) {
            return query.getOrDefault(name, List.of());
        }

        int intQuery(String name, int otherwise) {
            String value = query(name);
            return value == null ? otherwise : Integer.parseInt(value);
        }

        boolean boolQuery(String name) {
            String value = query(name);
            return value != null && (value.equals("true") || value.equals("1"));
        }

        @Nullable String bodyText(String field) {
            return text(body, field);
        }
    }

    // ---- channels ---------------------------------------------------------------------------------------------

    private SimReply listProblems(Request r) {
        String severity = r.query("severity");
        String account = r.query("accountId");
        String channel = r.query("channel");
        boolean includeResolved = r.boolQuery("includeResolved");
        ObjectNode answer = NODES.objectNode();
        ArrayNode list = NODES.arrayNode();
        for (ObjectNode problem : m.problems.values()) {
            if ((severity == null || severity.equals(problem.path("severity").asText()))
                    && (account == null || account.equals(problem.path("accountId").asText()))
                    && (channel == null || channel.equals(problem.path("channel").asText()))
                    && (includeResolved || !problem.hasNonNull("resolvedAt"))) {
                list.add(problem);
            }
        }
        answer.put("total", list.size());
        answer.set("problems", list);
        return SimReply.ok(answer);
    }

    private SimReply resolveProblem(Request r) {
        ObjectNode problem = m.problems.get(r.path("problemId"));
        if (problem == null) {
            return SimReply.notFound("Problem");
        }
        if (!problem.hasNonNull("resolvedAt")) {
            problem.put("resolvedAt", m.millis());
            m.emit("domain.channel.health.problem.resolved", Map.of("problem", problemProvider(problem)));
        }
        return SimReply.ok(problem);
    }

    static ObjectNode problemProvider(ObjectNode problem) {
        ObjectNode provider = NODES.objectNode();
        provider.set("problem", problem.deepCopy());
        return provider;
    }

    // ---- chats ------------------------------------------------------------------------------------------------

    private @Nullable SimChat chat(Request r) {
        return m.chats.get(r.path("chatId"));
    }

    private SimReply assignChat(Request r) {
        String chatId = r.bodyText("chatId");
        String phone = r.bodyText("phone");
        if ((chatId == null) == (phone == null)) {
            return SimReply.badRequest("Give exactly one of phone and chatId");
        }
        String uid = r.bodyText("agentUid");
        String email = r.bodyText("agentEmail");
        String crmId = r.bodyText("agentCrmId");
        int agentIds = (uid == null ? 0 : 1) + (email == null ? 0 : 1) + (crmId == null ? 0 : 1);
        String department = r.bodyText("departmentId");
        if (agentIds > 1) {
            return SimReply.badRequest("Give at most one of agentUid, agentEmail and agentCrmId");
        }
        if (agentIds == 0 && department == null) {
            return SimReply.badRequest("Give an agent identifier, a departmentId, or both");
        }
        SimChat chat;
        if (chatId != null) {
            chat = m.chats.get(chatId);
        } else {
            String account = text(r.body().path("channel"), "accountId");
            chat = m.findChat(phone, account);
        }
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        if (agentIds == 1) {
            ObjectNode agent = m.agentFor(uid, email, crmId);
            ObjectNode chatAgent = chat.doc.putObject("agent");
            chatAgent.put("uid", agent.path("_id").asText());
            chatAgent.put("displayName", agent.path("displayName").asText());
        }
        if (department != null || r.body().has("departmentId")) {
            if (department == null) {
                chat.doc.putNull("departmentId");
            } else {
                chat.doc.put("departmentId", department);
            }
        }
        chat.doc.put("status", SimModel.PENDING);
        chat.doc.put("pendingUpdateTime", m.now().getEpochSecond());
        m.touch(chat);
        m.emitChat("domain.chat.pending", chat);
        return SimReply.okText();
    }

    private SimReply getChat(Request r) {
        SimChat chat = chat(r);
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        return SimReply.ok(publicView(chat));
    }

    /** Get Chat by Chat ID's trimmed view. */
    static ObjectNode publicView(SimChat chat) {
        ObjectNode doc = chat.doc;
        ObjectNode view = NODES.objectNode();
        view.put("success", true);
        copy(doc, view, "title", "channelInfo", "departmentId", "agent", "status", "created", "updatedAt",
                "lastIncomingMessageTimestamp", "lastMessage", "unreadCount");
        ObjectNode botState = view.putObject("botState");
        if (doc.path("botState").hasNonNull("id")) {
            botState.put("id", doc.path("botState").path("id").asText());
        }
        if (doc.has("last_message_timestamp")) {
            view.put("lastMessageTimestamp", doc.path("last_message_timestamp").asLong());
        }
        return view;
    }

    private static void copy(ObjectNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null) {
                to.set(field, value.deepCopy());
            }
        }
    }

    private static ObjectNode updated(SimChat chat) {
        ObjectNode view = SimModel.fullChat(chat);
        view.put("success", true);
        return view;
    }

    private SimReply updateChatProperties(Request r) {
        SimChat chat = chat(r);
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        JsonNode body = r.body();
        for (String field : List.of("displayName", "title", "crmDeepLink", "language")) {
            if (body.has(field)) {
                chat.doc.set(field, body.get(field).deepCopy());
            }
        }
        if (body.has("crmData")) {
            chat.doc.set("crmData", body.get("crmData").deepCopy());
        }
        boolean externalChanged = false;
        if (body.has("externalBot")) {
            boolean wanted = body.path("externalBot").asBoolean();
            externalChanged = chat.doc.path("externalBot").asBoolean(false) != wanted;
            chat.doc.put("externalBot", wanted);
        }
        m.touch(chat);
        if (externalChanged) {
            m.emitChat("domain.chat.updated.externalBot", chat);
        }
        return SimReply.ok(updated(chat));
    }

    private SimReply resolveChat(Request r) {
        SimChat chat = chat(r);
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        if (r.body().path("notifyClient").asBoolean(false)) {
            ObjectNode content = NODES.objectNode();
            content.put("type", "text");
            content.put("text", "This conversation has been resolved. Write to us any time.");
            m.storeOutgoing(chat, content, null);
        }
        m.resolve(chat);
        ObjectNode answer = NODES.objectNode();
        answer.put("success", true);
        return SimReply.ok(answer);
    }

    private SimReply searchChats(Request r) {
        String search = r.query("search");
        String channelName = r.query("channel[name]");
        String channelAccount = r.query("channel[accountId]");
        List<String> labelFilter = r.queryAll("labels[]");
        List<String> statusFilter = r.queryAll("statuses[]");
        boolean includeEmpty = r.boolQuery("includeEmptyChats");
        int limit = r.intQuery("limit", 30);
        int skip = r.intQuery("skip", 0);
        List<Integer> statuses = new ArrayList<>();
        for (String name : statusFilter) {
            int index = SimModel.STATUS_NAMES.indexOf(name.toUpperCase(Locale.ROOT));
            if (index < 0) {
                return SimReply.badRequest("Unknown status " + name);
            }
            statuses.add(index);
        }
        List<SimChat> candidates;
        String phone = search == null ? null : m.phoneDigits(search).orElse(null);
        if (phone != null) {
            candidates = m.chatsByPhone.getOrDefault(phone, List.of());
        } else {
            candidates = new ArrayList<>(m.chats.values());
        }
        String needle = search == null || phone != null ? null : search.toLowerCase(Locale.ROOT);
        List<SimChat> matching = new ArrayList<>();
        for (SimChat chat : candidates) {
            ObjectNode doc = chat.doc;
            if (needle != null && !doc.path("title").asText("").toLowerCase(Locale.ROOT).contains(needle)
                    && !doc.path("displayName").asText("").toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            if (channelName != null && !channelName.equals(doc.path("channelInfo").path("name").asText())) {
                continue;
            }
            if (channelAccount != null && !channelAccount.equals(chat.accountId)) {
                continue;
            }
            if (!labelFilter.isEmpty() && strings(doc.path("labels")).stream().noneMatch(labelFilter::contains)) {
                continue;
            }
            if (!statuses.isEmpty() && !statuses.contains(chat.status())) {
                continue;
            }
            if (!includeEmpty && chat.messages.isEmpty()) {
                continue;
            }
            matching.add(chat);
        }
        matching.sort(Comparator.comparingLong(SimChat::lastMessageTime).reversed());
        ObjectNode answer = NODES.objectNode();
        ArrayNode data = answer.putArray("data");
        for (SimChat chat : SimModel.page(matching, skip, limit)) {
            ObjectNode view = SimModel.fullChat(chat);
            view.remove("lastMessage");
            data.add(view);
        }
        answer.put("total", matching.size());
        return SimReply.ok(answer);
    }

    private SimReply updateCrmData(Request r) {
        SimChat chat = chat(r);
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        JsonNode data = r.body().path("data");
        String strategy = r.bodyText("strategy");
        JsonNode stored = chat.doc.path("crmData");
        ObjectNode current = stored instanceof ObjectNode object ? object : NODES.objectNode();
        ObjectNode result;
        switch (strategy == null ? "shallowMerge" : strategy) {
            case "replace" -> result = (ObjectNode) data.deepCopy();
            case "deepMerge" -> result = deepMerge(current.deepCopy(), data);
            case "fillMissing" -> {
                result = current.deepCopy();
                fillMissing(result, data);
            }
            default -> {
                result = current.deepCopy();
                result.setAll((ObjectNode) data.deepCopy());
            }
        }
        chat.doc.set("crmData", result);
        m.touch(chat);
        return SimReply.ok(updated(chat));
    }

    private static ObjectNode deepMerge(ObjectNode target, JsonNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                deepMerge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return target;
    }

    private static void fillMissing(ObjectNode target, JsonNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing == null || existing.isNull()) {
                target.set(field.getKey(), field.getValue().deepCopy());
            } else if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                fillMissing(object, field.getValue());
            }
        }
    }

    // ---- files ------------------------------------------------------------------------------------------------

    private SimReply shareFile(Request r) {
        String fileId = r.path("fileId");
        if (!m.files.contains(fileId)) {
            return SimReply.notFound("File");
        }
        String token = SimModel.token("file:" + fileId + ":" + m.nextId()) + SimModel.token(fileId).substring(0, 32);
        ObjectNode answer = NODES.objectNode();
        answer.put("token", token);
        answer.put("url", m.baseUrl() + "/server/files/shared/" + fileId + "/" + token);
        return SimReply.ok(answer);
    }

    // ---- labels -----------------------------------------------------------------------------------------------

    private SimReply createLabel(Request r) {
        String id = String.valueOf(r.bodyText("id"));
        if (m.labels.containsKey(id)) {
            return SimReply.error(409, "Label " + id + " already exists");
        }
        ObjectNode label = NODES.objectNode();
        label.put("id", id);
        label.put("name", String.valueOf(r.bodyText("name")));
        label.put("color", r.bodyText("color") == null ? "#9e9e9e" : r.bodyText("color"));
        m.labels.put(id, label);
        return SimReply.ok(label);
    }

    private SimReply listLabels(Request r) {
        List<ObjectNode> all = new ArrayList<>(m.labels.values());
        ObjectNode answer = NODES.objectNode();
        answer.put("total", all.size());
        ArrayNode list = answer.putArray("labels");
        SimModel.page(all, r.intQuery("skip", 0), r.intQuery("limit", Integer.MAX_VALUE)).forEach(list::add);
        return SimReply.ok(answer);
    }

    private SimReply getLabel(Request r) {
        ObjectNode label = m.labels.get(r.path("labelId"));
        return label == null ? SimReply.notFound("Label") : SimReply.ok(label);
    }

    private SimReply updateLabel(Request r) {
        ObjectNode label = m.labels.get(r.path("labelId"));
        if (label == null) {
            return SimReply.notFound("Label");
        }
        for (String field : List.of("name", "color")) {
            if (r.body().hasNonNull(field)) {
                label.put(field, r.body().path(field).asText());
            }
        }
        return SimReply.okText();
    }

    private SimReply deleteLabel(Request r) {
        return m.labels.remove(r.path("labelId")) == null ? SimReply.notFound("Label") : SimReply.okText();
    }

    private SimReply manageChatLabels(Request r) {
        SimChat chat = chat(r);
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        JsonNode body = r.body();
        String operation = body.has("add") ? "add" : body.has("remove") ? "remove" : "set";
        m.changeLabels(chat, operation, strings(body.path(operation)));
        return SimReply.okText();
    }

    // ---- templates --------------------------------------------------------------------------------------------

    private @Nullable ObjectNode template(Request r) {
        return m.templates.get(SimModel.templateKey(r.path("accountId"), r.path("templateName")));
    }

    private SimReply createTemplate(Request r) {
        String account = r.path("accountId");
        if (!m.hasAccount(account)) {
            return SimReply.notFound("Account " + account);
        }
        JsonNode body = r.body();
        String category = String.valueOf(r.bodyText("category"));
        String usage = String.valueOf(r.bodyText("usage"));
        String name = r.bodyText("name");
        if (name == null) {
            int n = 1;
            String prefix = usage.toLowerCase(Locale.ROOT) + "_" + category.toLowerCase(Locale.ROOT) + "_";
            while (m.templates.containsKey(SimModel.templateKey(account, prefix + n))) {
                n++;
            }
            name = prefix + n;
        } else if (m.templates.containsKey(SimModel.templateKey(account, name))) {
            return SimReply.error(409, "Template " + name + " already exists");
        }
        ObjectNode template = NODES.objectNode();
        template.put("_id", m.nextId());
        template.put("name", name);
        ObjectNode channelInfo = template.putObject("channelInfo");
        channelInfo.put("name", "whatsapp");
        channelInfo.put("accountId", account);
        template.set("chatStatus", body.path("chatStatus").deepCopy());
        template.put("created", m.millis());
        template.set("departments", body.has("departments") ? body.get("departments").deepCopy()
                : NODES.arrayNode());
        template.put("isDefault", body.path("isDefault").asBoolean(false));
        template.putObject("localizationDrafts");
        ObjectNode provider = template.putObject("provider_template");
        provider.put("name", name);
        provider.put("category", category);
        provider.putArray("localizations");
        provider.putObject("metadata");
        template.put("title", String.valueOf(r.bodyText("title")));
        template.put("updatedAt", m.iso());
        template.put("usage", usage);
        for (String field : List.of("setBotNode", "responsibleAgent", "responsibleDepartment", "replyText")) {
            if (body.hasNonNull(field)) {
                template.set(field, body.get(field).deepCopy());
            }
        }
        m.templates.put(SimModel.templateKey(account, name), template);
        return SimReply.ok(template);
    }

    private SimReply localizeTemplate(Request r) {
        ObjectNode template = template(r);
        if (template == null) {
            return SimReply.notFound("Template");
        }
        JsonNode body = r.body();
        String language = String.valueOf(r.bodyText("language"));
        ObjectNode draft = NODES.objectNode();
        draft.put("language", language);
        draft.set("components", body.path("components").deepCopy());
        if (body.has("parameter_format")) {
            draft.set("parameter_format", body.get("parameter_format").deepCopy());
        }
        ((ObjectNode) template.get("localizationDrafts")).set(language, draft);
        if (body.has("defaults")) {
            JsonNode defaults = template.get("defaults");
            ObjectNode all = defaults instanceof ObjectNode object ? object : template.putObject("defaults");
            all.set(language, body.get("defaults").deepCopy());
        }
        template.put("updatedAt", m.iso());
        return SimReply.ok(template);
    }

    private SimReply submitTemplate(Request r) {
        ObjectNode template = template(r);
        if (template == null) {
            return SimReply.notFound("Template");
        }
        String language = r.path("language");
        ObjectNode drafts = (ObjectNode) template.get("localizationDrafts");
        JsonNode draft = drafts.get(language);
        if (draft == null) {
            return SimReply.notFound("Localization draft " + language);
        }
        drafts.remove(language);
        ArrayNode localizations = (ArrayNode) template.path("provider_template").path("localizations");
        for (int i = localizations.size() - 1; i >= 0; i--) {
            if (language.equals(localizations.get(i).path("language").asText())) {
                localizations.remove(i);
            }
        }
        ObjectNode localization = localizations.addObject();
        localization.put("language", language);
        localization.put("status", "PENDING");
        localization.put("rejectionReason", "NONE");
        localization.set("components", draft.path("components").deepCopy());
        if (draft.has("parameter_format")) {
            localization.set("parameter_format", draft.get("parameter_format").deepCopy());
        }
        localization.put("createdAt", m.iso());
        localization.put("lastUpdated", m.iso());
        template.put("updatedAt", m.iso());
        String key = SimModel.templateKey(r.path("accountId"), r.path("templateName"));
        m.reviews.removeIf(review -> review.templateKey().equals(key) && review.language().equals(language));
        java.time.Duration delay = m.autoApproveAfter();
        m.reviews.add(new SimModel.PendingReview(key, language, delay == null ? null : m.now().plus(delay)));
        ObjectNode answer = template.deepCopy();
        if (delay != null && delay.isZero()) {
            m.decideTemplate(r.path("templateName"), language, "APPROVED", null);
        }
        return SimReply.ok(answer);
    }

    private SimReply updateTemplate(Request r) {
        ObjectNode template = template(r);
        if (template == null) {
            return SimReply.notFound("Template");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = r.body().properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            template.set(field.getKey(), field.getValue().deepCopy());
        }
        template.put("updatedAt", m.iso());
        return SimReply.ok(template);
    }

    private SimReply deleteTemplate(Request r) {
        String key = SimModel.templateKey(r.path("accountId"), r.path("templateName"));
        if (m.templates.remove(key) == null) {
            return SimReply.notFound("Template");
        }
        m.reviews.removeIf(review -> review.templateKey().equals(key));
        return SimReply.okText();
    }

    private SimReply listTemplates(Request r) {
        String account = r.query("accountId");
        String hasHeader = r.query("hasHeader");
        boolean includeAll = r.boolQuery("includeAll");
        ArrayNode list = NODES.arrayNode();
        for (ObjectNode template : m.templates.values()) {
            if (account != null && !account.equals(template.path("channelInfo").path("accountId").asText())) {
                continue;
            }
            boolean approved = false;
            boolean header = false;
            for (JsonNode l : template.path("provider_template").path("localizations")) {
                approved |= "APPROVED".equals(l.path("status").asText());
                for (JsonNode c : l.path("components")) {
                    header |= "HEADER".equals(c.path("type").asText());
                }
            }
            if (!includeAll && !approved) {
                continue;
            }
            if (hasHeader != null && Boolean.parseBoolean(hasHeader) != header) {
                continue;
            }
            list.add(template);
        }
        return SimReply.ok(list);
    }

    private SimReply sendTemplate(Request r) {
        JsonNode body = r.body();
        String to = m.requirePhone(String.valueOf(r.bodyText("to")), "to");
        String account = r.bodyText("from") == null ? m.defaultAccount()
                : m.phoneDigits(r.bodyText("from")).orElse(String.valueOf(r.bodyText("from")));
        String name = String.valueOf(r.bodyText("templateName"));
        ObjectNode template = m.templates.get(SimModel.templateKey(account, name));
        if (template == null) {
            return SimReply.notFound("Template " + name);
        }
        SimModel.Unsubscription unsubscription = m.unsubscribed.get(to);
        if (unsubscription != null && (unsubscription.accounts().isEmpty()
                || unsubscription.accounts().contains(account))) {
            return refused("Recipient unsubscribed from template messages on " + SimModel.iso(unsubscription.since()));
        }
        String language = r.bodyText("language");
        JsonNode localization = null;
        List<JsonNode> approved = new ArrayList<>();
        for (JsonNode l : template.path("provider_template").path("localizations")) {
            if ("APPROVED".equals(l.path("status").asText())) {
                approved.add(l);
                if (l.path("language").asText().equals(language)) {
                    localization = l;
                }
            }
        }
        if (localization == null) {
            if (language == null && approved.size() == 1) {
                localization = approved.get(0);
            } else if (approved.isEmpty()) {
                return refused("Template " + name + " has no approved localization");
            } else {
                return refused(language == null ? "Template " + name + " has several localizations; give language"
                        : "Template " + name + " has no approved localization " + language);
            }
        }
        String lang = localization.path("language").asText();
        List<String> values = body.has("body") ? strings(body.path("body"))
                : strings(template.path("defaults").path(lang).path("body"));
        SimChat chat = m.chatFor(to, account, null);
        ObjectNode answer = NODES.objectNode();
        answer.put("success", true);
        JsonNode session = body.path("sessionMessage");
        if (session.isObject() && m.windowOpen(chat)) {
            ObjectNode message = m.storeOutgoing(chat, (ObjectNode) session.deepCopy(), null);
            answer.put("text", message.path("text").asText(""));
            answer.put("sentAsSessionMessage", true);
            answer.put("messageId", message.path("_id").asText());
        } else {
            String text = SimModel.render(localization, values);
            ObjectNode content = NODES.objectNode();
            content.put("text", text);
            ObjectNode special = content.putObject("special").putObject("whatsappTemplate");
            special.put("name", name);
            special.put("language", lang);
            ArrayNode params = special.putArray("body");
            values.forEach(params::add);
            content.put("templateId", name);
            ObjectNode message = m.storeOutgoing(chat, content, "special");
            answer.put("text", text);
            answer.put("sentAsSessionMessage", false);
            answer.put("messageId", message.path("_id").asText());
        }
        if (body.path("setChat").isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = body.path("setChat").properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                chat.doc.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return SimReply.ok(answer);
    }

    private static SimReply refused(String error) {
        ObjectNode answer = NODES.objectNode();
        answer.put("success", false);
        answer.put("error", error);
        return SimReply.ok(answer);
    }

    // ---- messages ---------------------------------------------------------------------------------------------

    private SimReply getChatMessages(Request r) {
        SimChat chat = chat(r);
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        int limit = r.intQuery("limit", 50);
        String beforeTimeText = r.query("beforeTime");
        String beforeId = r.query("beforeId");
        String session = r.query("botSessionId");
        if ((beforeTimeText == null) != (beforeId == null)) {
            return SimReply.badRequest("beforeTime and beforeId go together");
        }
        List<ObjectNode> messages = chat.messages;
        List<ObjectNode> picked = new ArrayList<>();
        int end = messages.size();
        if (beforeTimeText != null) {
            long beforeTime = Long.parseLong(beforeTimeText);
            int lo = 0;
            int hi = messages.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (messages.get(mid).path("timestamp").asLong() <= beforeTime) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            end = lo;
        }
        for (int i = end - 1; i >= 0 && picked.size() < limit; i--) {
            ObjectNode message = messages.get(i);
            if (beforeId != null && beforeId.equals(message.path("_id").asText())) {
                continue;
            }
            if (session != null && !session.equals(message.path("botSessionId").asText(null))) {
                continue;
            }
            picked.add(message);
        }
        // the page as a tree would write it, from each message's JSON written once
        StringWriter answer = new StringWriter(256 * (picked.size() + 1));
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(answer)) {
            json.writeStartObject();
            json.writeArrayFieldStart("messages");
            for (int i = picked.size() - 1; i >= 0; i--) {
                json.writeRawValue(chat.json(picked.get(i)));
            }
            json.writeEndArray();
            if (!messages.isEmpty()) {
                json.writeNumberField("minTime", messages.get(0).path("timestamp").asLong());
                json.writeNumberField("maxTime", messages.get(messages.size() - 1).path("timestamp").asLong());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return SimReply.ok(answer.toString());
    }

    private SimReply sendMessage(Request r) {
        SimChat chat = chat(r);
        if (chat == null) {
            return SimReply.notFound("Chat");
        }
        if (!m.windowOpen(chat)) {
            return refused("The 24-hour window is closed: the contact has not written in the last 24 hours; send a"
                    + " template message instead");
        }
        ObjectNode message = m.storeOutgoing(chat, (ObjectNode) r.body().deepCopy(), null);
        ObjectNode answer = NODES.objectNode();
        answer.put("success", true);
        answer.putArray("messages").add(message);
        return SimReply.ok(answer);
    }

    // ---- quick replies ----------------------------------------------------------------------------------------

    private SimReply createQuickReply(Request r) {
        ObjectNode reply = NODES.objectNode();
        reply.put("_id", m.nextId());
        reply.set("send", r.body().path("send").deepCopy());
        if (r.body().has("display")) {
            reply.set("display", r.body().get("display").deepCopy());
        }
        reply.putObject("metadata").put("created", m.millis());
        m.quickReplies.put(reply.path("_id").asText(), reply);
        return SimReply.ok(reply);
    }

    private SimReply listQuickReplies(Request r) {
        String position = r.query("position");
        List<String> types = r.queryAll("hasContentsType");
        String chatName = r.query("forChat[name]");
        String chatAccount = r.query("forChat[accountId]");
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode reply : m.quickReplies.values()) {
            if (position != null && !position.equals(reply.path("display").path("position").asText())) {
                continue;
            }
            if (!types.isEmpty()) {
                boolean any = false;
                for (JsonNode content : reply.path("send").path("contents")) {
                    any |= types.contains(content.path("type").asText());
                }
                if (!any) {
                    continue;
                }
            }
            if (chatName != null || chatAccount != null) {
                boolean any = false;
                for (JsonNode target : reply.path("send").path("target")) {
                    any |= (chatName == null || chatName.equals(target.path("name").asText()))
                            && (chatAccount == null || !target.hasNonNull("accountId")
                                    || chatAccount.equals(target.path("accountId").asText()));
                }
                if (!any) {
                    continue;
                }
            }
            matching.add(reply);
        }
        Comparator<ObjectNode> order = Comparator.comparingLong(q -> -q.path("metadata").path("created").asLong());
        if (r.query("sortTitle") != null) {
            Comparator<ObjectNode> byTitle = Comparator.comparing(q -> q.path("display").path("title").asText(""));
            order = "desc".equals(r.query("sortTitle")) ? byTitle.reversed() : byTitle;
        } else if (r.query("sortCreated") != null) {
            Comparator<ObjectNode> byCreated = Comparator.comparingLong(q -> q.path("metadata").path("created")
                    .asLong());
            order = "desc".equals(r.query("sortCreated")) ? byCreated.reversed() : byCreated;
        } else if (r.query("sortUpdated") != null) {
            Comparator<ObjectNode> byUpdated = Comparator.comparingLong(q -> q.path("metadata").path("updated")
                    .asLong(q.path("metadata").path("created").asLong()));
            order = "desc".equals(r.query("sortUpdated")) ? byUpdated.reversed() : byUpdated;
        }
        matching.sort(order);
        ObjectNode answer = NODES.objectNode();
        answer.put("total", matching.size());
        ArrayNode list = answer.putArray("quickReplies");
        SimModel.page(matching, r.intQuery("skip", 0), r.intQuery("limit", 30)).forEach(list::add);
        return SimReply.ok(answer);
    }

    private SimReply deleteQuickReply(Request r) {
        return m.quickReplies.remove(r.path("quickReplyId")) == null ? SimReply.notFound("Quick reply")
                : SimReply.okText();
    }

    private SimReply updateQuickReply(Request r) {
        ObjectNode reply = m.quickReplies.get(r.path("quickReplyId"));
        if (reply == null) {
            return SimReply.notFound("Quick reply");
        }
        ObjectNode changed = reply.deepCopy();
        for (JsonNode operation : r.body()) {
            Iterator<Map.Entry<String, JsonNode>> fields = operation.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue().deepCopy();
                ObjectNode send = (ObjectNode) changed.path("send");
                ObjectNode display = changed.has("display") ? (ObjectNode) changed.get("display")
                        : changed.putObject("display");
                ObjectNode metadata = (ObjectNode) changed.path("metadata");
                switch (field.getKey()) {
                    case "updateSendContents" -> send.set("contents", value);
                    case "updateSendTarget" -> send.set("target", value);
                    case "updateBetweenMessagesDelay" -> setOrRemove(send, "betweenMessagesDelay", value);
                    case "updateDisplayTitle" -> setOrRemove(display, "title", value);
                    case "updateDisplayNote" -> setOrRemove(display, "note", value);
                    case "updateDisplayPosition" -> setOrRemove(display, "position", value);
                    case "updateDisplayDepartments" -> setOrRemove(display, "departments", value);
                    case "updateDisplayUsers" -> setOrRemove(display, "users", value);
                    case "updateClientMetadata" -> setOrRemove(metadata, "client", value);
                    default -> {
                        return SimReply.badRequest("Unknown quick reply operation " + field.getKey());
                    }
                }
            }
        }
        ((ObjectNode) changed.path("metadata")).put("updated", m.millis());
        m.quickReplies.put(changed.path("_id").asText(), changed);
        return SimReply.ok(changed);
    }

    private static void setOrRemove(ObjectNode node, String field, JsonNode value) {
        if (value.isNull()) {
            node.remove(field);
        } else {
            node.set(field, value);
        }
    }

    // ---- template subscriptions -------------------------------------------------------------------------------

    private SimReply listUnsubscribed(Request r, @Nullable String account) {
        List<ObjectNode> users = new ArrayList<>();
        for (SimModel.Unsubscription u : m.unsubscribed.values()) {
            if (account != null && !u.accounts().isEmpty() && !u.accounts().contains(account)) {
                continue;
            }
            ObjectNode user = NODES.objectNode();
            SimChat chat = m.findChat(u.phone(), account);
            if (chat != null && chat.doc.hasNonNull("title")) {
                user.put("title", chat.doc.path("title").asText());
            }
            user.put("phone", "+" + u.phone());
            users.add(user);
        }
        ArrayNode list = NODES.arrayNode();
        SimModel.page(users, r.intQuery("skip", 0), r.intQuery("limit", Integer.MAX_VALUE)).forEach(list::add);
        return SimReply.ok(list);
    }

    private SimReply unsubscribe(Request r) {
        String phone = m.requirePhone(String.valueOf(r.bodyText("phone")), "phone");
        String account = r.bodyText("accountId");
        SimModel.Unsubscription existing = m.unsubscribed.get(phone);
        Set<String> accounts = new LinkedHashSet<>();
        if (account != null && (existing == null || !existing.accounts().isEmpty())) {
            if (existing != null) {
                accounts.addAll(existing.accounts());
            }
            accounts.add(account);
        }
        m.unsubscribed.put(phone, new SimModel.Unsubscription(phone, Set.copyOf(accounts),
                existing == null ? m.millis() : existing.since()));
        List<SimChat> phoneChats = m.chatsByPhone.getOrDefault(phone, List.of());
        for (SimChat chat : phoneChats) {
            if (account == null || account.equals(chat.accountId)) {
                chat.doc.putObject("unsubscribed").put("date", m.iso()); // the Chat object's unsubscribed.date
                chat.doc.put("unsubscribedTime", m.millis());
                m.touch(chat);
                m.emitChat("domain.chat.unsubscribed", chat);
            }
        }
        return success();
    }

    private SimReply resubscribe(Request r) {
        String phone = m.requirePhone(String.valueOf(r.bodyText("phone")), "phone");
        String account = r.bodyText("accountId");
        SimModel.Unsubscription existing = m.unsubscribed.get(phone);
        if (existing != null) {
            if (account == null || existing.accounts().isEmpty()) {
                m.unsubscribed.remove(phone);
            } else {
                Set<String> rest = new LinkedHashSet<>(existing.accounts());
                rest.remove(account);
                if (rest.isEmpty()) {
                    m.unsubscribed.remove(phone);
                } else {
                    m.unsubscribed.put(phone, new SimModel.Unsubscription(phone, Set.copyOf(rest), existing.since()));
                }
            }
        }
        for (SimChat chat : m.chatsByPhone.getOrDefault(phone, List.of())) {
            if ((account == null || account.equals(chat.accountId)) && chat.doc.path("unsubscribed").isObject()) {
                chat.doc.remove("unsubscribed"); // present only while the contact is unsubscribed
                chat.doc.remove("unsubscribedTime");
                m.touch(chat);
                m.emitChat("domain.chat.subscribed", chat);
            }
        }
        return success();
    }

    static SimReply success() {
        ObjectNode answer = NODES.objectNode();
        answer.put("success", true);
        return SimReply.ok(answer);
    }
}
