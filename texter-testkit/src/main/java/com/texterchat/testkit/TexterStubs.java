package com.texterchat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.Label;
import com.texterchat.model.LabelList;
import com.texterchat.model.Template;
import com.texterchat.model.UnsubscribedUser;
import com.texterchat.testkit.internal.Ids;
import com.texterchat.testkit.internal.Json;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.texterchat.testkit.internal.Phones;
import com.texterchat.testkit.internal.SamePhoneMatcher;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.StubFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Changes what the {@link TexterMockServer} answers, in Texter's terms. Obtained from
 * {@link TexterMockServer#stubs()}; everything set here is undone by {@link TexterMockServer#reset()}.
 *
 * <p>Two kinds of helpers:
 * <ul>
 *   <li>Answers for specific requests ({@link #chatExists}, {@link #noChatFor}, {@link #recipientUnsubscribed}):
 *       they apply only to the matching requests and win over the operation's general answer. Among them,
 *       and among a test's own raw WireMock stubs, the one added last wins.</li>
 *   <li>An operation's general answer ({@link #answer}, {@link #answerWithExample}, {@link #templates},
 *       {@link #labels}): replaces the spec example the operation answers by default.</li>
 * </ul>
 *
 * <p>Phone numbers, here and in what the code under test sends, compare as Texter compares them: in any form
 * Texter accepts for the same contact, given the server's {@linkplain TexterMockServer#defaultCountry() default
 * country}. With {@code IL}, {@code 0521234567}, {@code 972521234567}, {@code +972521234567} and
 * {@code +972 52-123-4567} are one number; {@code +447700900123} is another.
 *
 * <p>Every answer set here is checked against the operation's response schema in {@code openapi.json}: one
 * Texter could never send (a missing required field, a wrong type) is listed by
 * {@link TexterRequests#specViolations()} and fails a {@code @TexterTest} test, unless the test
 * {@linkplain TexterMockServer#allowSpecViolations(String) allows it}. Raw WireMock stubs are not checked.
 *
 * <p>For anything else, {@link #route(String)} gives a WireMock request pattern for an operation to finish
 * and register with {@code server.wireMock().stubFor(...)}.
 */
public final class TexterStubs {

    private static final Pattern TEMPLATE_NAME = Pattern.compile("^[a-zA-Z0-9_]+$");
    /** What Get Chat by Chat ID leaves out of a chat, as Texter's reference says. */
    private static final Set<String> PUBLIC_VIEW_OMITS = Set.of("_id", "labels", "crmData", "displayName");

    private final TexterMockServer server;
    private final Set<String> unsubscribed = new LinkedHashSet<>();

    TexterStubs(TexterMockServer server) {
        this.server = server;
    }

    /**
     * A chat exists for this phone number: Search Chats with {@code search=} the number in any form of the same
     * contact ({@code 0521234567}, {@code 972521234567}, {@code +972 52-123-4567} with default country IL) finds
     * it, and Get Chat by Chat ID answers its id. The chat is the spec's example chat with the phone in
     * {@code channelInfo.id} as Texter stores it (E.164 digits without {@code +}), and an id derived from the
     * number (the same contact always gets the same id).
     *
     * @param phone a phone number in a form Texter accepts: international (with or without {@code +}) or national
     *              in the server's default country, with any spaces, dashes or parentheses
     * @return the chat as Search Chats returns it; its {@code getId()} is the chatId to send messages to
     * @throws IllegalArgumentException when {@code phone} is no phone number, naming the parameter
     */
    public Chat chatExists(String phone) {
        String digits = Phones.digits(phone(phone, "phone"));
        ObjectNode chat = exampleChat();
        chat.put("_id", Ids.objectId("chat:" + digits));
        JsonNode channelInfo = chat.get("channelInfo");
        (channelInfo instanceof ObjectNode node ? node : chat.putObject("channelInfo")).put("id", digits);
        for (String field : List.of("clientPhone", "clientPhoneE164")) {
            if (chat.has(field)) {
                chat.put(field, "+" + digits);
            }
        }
        return chatExists(Json.convert(chat, Chat.class));
    }

    /**
     * This chat exists: Search Chats finds it by the customer's phone in {@code channelInfo.id} (in any form of
     * the same contact), and Get Chat by Chat ID answers its {@code _id}.
     *
     * <p>Both answer every field the chat holds, as the SDK writes it: those the example chat lacks (such as
     * {@code externalBot} or {@code crmData}) and any the model keeps beyond its declared ones. Get Chat by Chat
     * ID answers Texter's trimmed public view of it, as Texter does: without {@code _id}, {@code labels},
     * {@code crmData} and {@code displayName}, with {@code botState} narrowed to its {@code id} and
     * {@code last_message_timestamp} named {@code lastMessageTimestamp}.
     *
     * @param chat a chat with an {@code _id} and the customer's phone
     * @return the chat as stubbed (a copy; later changes to either do not affect the other)
     */
    public Chat chatExists(Chat chat) {
        Objects.requireNonNull(chat, "chat");
        if (chat.getId() == null || chat.getId().isBlank()) {
            throw new IllegalArgumentException("chat._id is required: Get Chat by Chat ID answers the chat by it");
        }
        String phone = chat.getChannelInfo() == null ? null : chat.getChannelInfo().getId();
        if (phone == null) {
            throw new IllegalArgumentException("chat.channelInfo.id, the customer's phone, is required:"
                    + " Search Chats finds the chat by it");
        }
        PhoneNumber number = phone(phone, "chat.channelInfo.id");
        // The chat's JSON as the SDK writes it is what is served: a round trip through a model could drop fields.
        ObjectNode written = Json.mapper().valueToTree(chat);

        SpecOperation search = server.operation("searchChats");
        ObjectNode found = Json.mapper().createObjectNode();
        found.putArray("data").add(written.deepCopy());
        found.put("total", 1);
        helper(search, searchFor(search, number), StubFactory.success(search, Json.write(found)));

        SpecOperation get = server.operation("getChat");
        helper(get, StubFactory.route(get).andMatching(StubFactory.pathParameter(get, "chatId", chat.getId())),
                StubFactory.success(get, Json.write(publicView(written))));
        return Json.convert(written, Chat.class);
    }

    /**
     * No chat exists for this phone number: Search Chats with {@code search=} the number in any form of the same
     * contact finds nothing.
     *
     * @param phone a phone number in a form Texter accepts, as for {@link #chatExists(String)}
     * @throws IllegalArgumentException when {@code phone} is no phone number, naming the parameter
     */
    public void noChatFor(String phone) {
        PhoneNumber number = phone(phone, "phone");
        SpecOperation search = server.operation("searchChats");
        helper(search, searchFor(search, number),
                StubFactory.success(search, Json.write(new ChatSearchResult().data(List.of()).total(0))));
    }

    /**
     * The recipient opted out of template messages: Send Template Message to this phone answers 200 with
     * {@code success: false} (the spec's {@code unsubscribed} example), as Texter does, and the unsubscribed
     * lists (all accounts and per account) include the number (in E.164). The refusal answers a {@code to} in any
     * form of the same contact.
     *
     * @param phone a phone number in a form Texter accepts, as for {@link #chatExists(String)}
     * @throws IllegalArgumentException when {@code phone} is no phone number, naming the parameter
     */
    public void recipientUnsubscribed(String phone) {
        PhoneNumber number = phone(phone, "phone");
        SpecOperation send = server.operation("sendTemplateMessage");
        String refusal = send.exampleNames().contains("unsubscribed") ? send.example("unsubscribed")
                : "{\"success\":false,\"error\":\"Recipient unsubscribed from template messages\"}";
        helper(send, StubFactory.route(send).andMatching(SamePhoneMatcher.NAME,
                SamePhoneMatcher.bodyField("/to", number, server.defaultCountry())), StubFactory.success(send, refusal));

        List<UnsubscribedUser> users = new ArrayList<>();
        synchronized (unsubscribed) {
            unsubscribed.add(Phones.e164(number));
            unsubscribed.forEach(e164 -> users.add(new UnsubscribedUser().phone(e164)));
        }
        answer("listUnsubscribedUsers", users);
        answer("listUnsubscribedUsersByAccount", users);
    }

    /**
     * The templates the account has: List All Templates answers exactly these.
     *
     * @return the templates as stubbed
     */
    public List<Template> templates(Template... templates) {
        List<Template> list = List.copyOf(Arrays.asList(templates));
        answer("listTemplates", list);
        return list;
    }

    /**
     * The account has templates with these names: List All Templates answers one realistic template per name
     * (the spec's example template, renamed, with an id derived from the name).
     *
     * @param names template names as Texter allows them at creation: letters, digits and underscores
     * @return the templates as stubbed
     */
    public List<Template> templatesNamed(String... names) {
        List<Template> list = new ArrayList<>();
        for (String name : names) {
            Objects.requireNonNull(name, "template name");
            if (!TEMPLATE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("template name must match " + TEMPLATE_NAME.pattern()
                        + " (letters, digits, underscores), got '" + name + "'");
            }
            Template template = exampleTemplate().id(Ids.objectId("template:" + name)).name(name);
            if (template.getProviderTemplate() != null) {
                template.getProviderTemplate().setName(name);
            }
            list.add(template);
        }
        return templates(list.toArray(Template[]::new));
    }

    /**
     * The labels of the account: List All Labels answers these, and Get Label Data answers each by its id.
     *
     * @return the labels as stubbed
     */
    public List<Label> labels(Label... labels) {
        List<Label> list = List.copyOf(Arrays.asList(labels));
        for (Label label : list) {
            if (label.getId() == null) {
                throw new IllegalArgumentException("label.id is required: Get Label Data answers a label by it");
            }
        }
        answer("listLabels", new LabelList().labels(list).total(list.size()));
        SpecOperation get = server.operation("getLabel");
        for (Label label : list) {
            helper(get, StubFactory.route(get).andMatching(StubFactory.pathParameter(get, "labelId", label.getId())),
                    StubFactory.success(get, Json.write(label)));
        }
        return list;
    }

    /**
     * Makes an operation answer another of its spec examples by default, e.g.
     * {@code answerWithExample("sendTemplateMessage", "unsubscribed")}.
     *
     * @throws IllegalArgumentException for an unknown operation or example name (the message lists the known ones)
     */
    public void answerWithExample(String operationId, String exampleName) {
        SpecOperation operation = server.operation(operationId);
        replaceDefault(operation, StubFactory.success(operation, operation.example(exampleName)));
    }

    /**
     * Makes an operation answer this body (with its usual 2xx status) by default.
     *
     * @param body a generated model, list or map (serialized with the SDK's JSON settings), or a
     *             {@code String} sent as it is
     */
    public void answer(String operationId, Object body) {
        Objects.requireNonNull(body, "body");
        SpecOperation operation = server.operation(operationId);
        replaceDefault(operation, StubFactory.success(operation, Json.write(body)));
    }

    /** The names of an operation's response examples in the spec, the default one first. */
    public List<String> exampleNames(String operationId) {
        return server.operation(operationId).exampleNames();
    }

    /**
     * A WireMock request pattern for an operation (its method and path, any query, headers and body) to
     * refine and register yourself, e.g.
     * {@code server.wireMock().stubFor(stubs.route("getChat").withHeader(...).willReturn(okJson("{}")))}.
     * Without an explicit priority it wins over the operation's default answer.
     */
    public MappingBuilder route(String operationId) {
        return StubFactory.route(server.operation(operationId));
    }

    /** Forgets helper state; called by {@link TexterMockServer#reset()}. */
    void forget() {
        synchronized (unsubscribed) {
            unsubscribed.clear();
        }
    }

    private PhoneNumber phone(String phone, String parameter) {
        return Phones.parse(phone, parameter, server.defaultCountry());
    }

    /** Search Chats requests whose {@code search} is this number, in any form of the same contact. */
    private MappingBuilder searchFor(SpecOperation search, PhoneNumber number) {
        return StubFactory.route(search).andMatching(SamePhoneMatcher.NAME,
                SamePhoneMatcher.query("search", number, server.defaultCountry()));
    }

    private void helper(SpecOperation operation, MappingBuilder request, ResponseDefinitionBuilder response) {
        StubMapping stub = request.atPriority(StubFactory.HELPER_PRIORITY)
                .withMetadata(StubFactory.metadata(operation.id(), "helper"))
                .willReturn(response).build();
        server.checkStub(operation, stub.getResponse().getBody());
        server.wireMock().addStubMapping(stub);
    }

    private void replaceDefault(SpecOperation operation, ResponseDefinitionBuilder response) {
        StubMapping stub = StubFactory.route(operation).atPriority(StubFactory.DEFAULT_PRIORITY)
                .withMetadata(StubFactory.metadata(operation.id(), "default"))
                .willReturn(response).build();
        server.checkStub(operation, stub.getResponse().getBody());
        server.replaceDefault(operation, stub);
    }

    private ObjectNode exampleChat() {
        JsonNode first = Json.tree(server.operation("searchChats").defaultBody(), "the searchChats example")
                .path("data").path(0);
        return first instanceof ObjectNode chat ? chat : Json.mapper().createObjectNode().put("title", "Test customer");
    }

    private Template exampleTemplate() {
        Template[] example = Json.read(server.operation("listTemplates").defaultBody(), Template[].class,
                "the listTemplates example");
        return example.length == 0 ? new Template() : example[0];
    }

    /**
     * The trimmed view Get Chat by Chat ID answers for a chat (written as JSON): every field of the chat but the
     * ones Texter's reference says the view leaves out, {@code botState} narrowed to its id, and
     * {@code success: true} first, as in the reference's example.
     */
    private static ObjectNode publicView(ObjectNode chat) {
        ObjectNode view = Json.mapper().createObjectNode().put("success", true);
        chat.properties().forEach(field -> {
            String name = field.getKey();
            if (PUBLIC_VIEW_OMITS.contains(name) || name.equals("success")) {
                return;
            }
            JsonNode value = field.getValue();
            if (name.equals("botState") && value instanceof ObjectNode botState) {
                ObjectNode narrowed = Json.mapper().createObjectNode();
                if (botState.has("id")) {
                    narrowed.set("id", botState.get("id"));
                }
                value = narrowed;
            }
            view.set(name.equals("last_message_timestamp") ? "lastMessageTimestamp" : name, value.deepCopy());
        });
        return view;
    }

    @Override
    public String toString() {
        return "TexterStubs[" + server + "]";
    }
}
