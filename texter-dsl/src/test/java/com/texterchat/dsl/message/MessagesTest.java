package com.texterchat.dsl.message;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.texterchat.dsl.support.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.dsl.support.Json;
import com.texterchat.dsl.support.RuleTests;
import com.texterchat.model.ContactCard;
import com.texterchat.model.ContactName;
import com.texterchat.model.ListMenu;
import com.texterchat.model.OutgoingMedia;
import com.texterchat.model.OutgoingMediaType;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class MessagesTest extends RuleTests {

    private static final String CHAT = "67bf11038b24880cc966f799";

    @Test
    void textMatchesTheReferenceAndSpecExamples() {
        SessionMessage text = Messages.text("Hey there!").build();

        assertSameJson(Json.of(text), Json.reference("send-a-message-to-chat"));
        assertSameJson(Json.of(text), Json.specRequestExample("sendMessage", "text"));
    }

    @Test
    void buttonsMatchTheSpecExample() {
        SessionMessage buttons = Messages.buttons("Was this helpful?").button("Yes", "yes").button("No", "no").build();

        assertSameJson(Json.of(buttons), Json.specRequestExample("sendMessage", "buttons"));
    }

    @Test
    void listMatchesTheSpecExample() {
        SessionMessage list = Messages.list("How can we help?", "Choose")
                .section("Support", s -> s.row("Technical issue", "1").row("Billing", "2", "Invoices and payments"))
                .build();

        assertSameJson(Json.of(list), Json.specRequestExample("sendMessage", "list"));
    }

    @Test
    void mediaMatchesTheSpecExample() {
        SessionMessage media = Messages.media().document("https://example.com/offer.pdf", "offer.pdf").build();

        assertSameJson(Json.of(media), Json.specRequestExample("sendMessage", "media"));
    }

    @Test
    void locationMatchesTheSpecExample() {
        SessionMessage location = Messages.location(32.0853, 34.7818).name("Head Office")
                .address("Rothschild Blvd 1, Tel Aviv").build();

        assertSameJson(Json.of(location), Json.specRequestExample("sendMessage", "location"));
    }

    @Test
    void contactsMatchTheSpecExample() {
        SessionMessage contacts = Messages.contacts().contact("Texter Support", c -> c.phone("+972586640430", "WORK"))
                .build();

        assertSameJson(Json.of(contacts), Json.specRequestExample("sendMessage", "contacts"));
    }

    @Test
    void contextAndTmpSendIdAreSentWithAnyType() {
        SessionMessage reply = Messages.media().storedFile(OutgoingMediaType.IMAGE, "file-1")
                .context("wamid.HBgMOTcy").tmpSendId("crm-42").build();

        assertSameJson(Json.of(reply), Json.parse("""
                {"type": "media", "context": "wamid.HBgMOTcy", "tmpSendId": "crm-42",
                 "media": [{"mediaType": "image", "fileId": "file-1"}]}"""));
    }

    @Test
    void theFacadeSendsTheBuiltBodyToTheChat() {
        server.stubFor(post("/server/api/v2/messages/send/" + CHAT)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"success\": true}")));

        SendMessageResponse sent = texter.sendMessage(CHAT, Messages.buttons("Was this helpful?").button("Yes", "yes"));

        assertThat(sent.getSuccess()).isTrue();
        server.verify(postRequestedFor(urlEqualTo("/server/api/v2/messages/send/" + CHAT)).withRequestBody(equalToJson(
                "{\"type\":\"buttons\",\"text\":\"Was this helpful?\",\"buttons\":[{\"title\":\"Yes\",\"payload\":\"yes\"}]}")));
    }

    @Test
    void limitsAreInclusive() {
        List<SessionMessage> atTheLimits = List.of(
                Messages.text("x".repeat(4096)).build(),
                Messages.buttons("b".repeat(1024)).button("1".repeat(20), "p".repeat(256)).button("2").button("3").build(),
                Messages.location(-90, 180).build(),
                Messages.list("l", "b".repeat(20)).section("s".repeat(24), s -> {
                    for (int i = 0; i < 10; i++) {
                        s.row(i + "r".repeat(23), "p".repeat(200), "d".repeat(72));
                    }
                }).build());

        assertThat(atTheLimits).hasSize(4);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("empty text", () -> send(Messages.text("")), "text", "must be 1-4096 characters, was 0"),
                rule("text over 4096", () -> send(Messages.text("x".repeat(5000))), "text",
                        "must be 1-4096 characters, was 5000"),
                rule("blank context", () -> send(Messages.text("hi").context(" ")), "context", "must not be blank"),
                rule("blank tmpSendId", () -> send(Messages.text("hi").tmpSendId("")), "tmpSendId", "must not be blank"),
                rule("no media", () -> send(Messages.media()), "media", "must have 1-10 items, was 0"),
                rule("11 media", () -> send(elevenImages()), "media", "must have 1-10 items, was 11"),
                rule("media without source", () -> send(Messages.media().add(OutgoingMediaType.IMAGE, i -> i.caption("c"))),
                        "media[0]", "must have exactly one of url and fileId, had neither"),
                rule("media with both sources", () -> send(Messages.media().add(OutgoingMediaType.IMAGE,
                        i -> i.url("https://example.com/a.png").fileId("f"))), "media[0]",
                        "must have exactly one of url and fileId, had both"),
                rule("relative media url", () -> send(Messages.media().image("/a.png")), "media[0].url",
                        "must be an absolute http(s) URL, was '/a.png'"),
                rule("unparsable media url", () -> send(Messages.media().image("https://exa mple.com")), "media[0].url",
                        "must be an absolute http(s) URL"),
                rule("blank file id", () -> send(Messages.media().storedFile(OutgoingMediaType.VIDEO, " ")),
                        "media[0].fileId", "must not be blank"),
                rule("caption over 1024", () -> send(Messages.media().add(OutgoingMediaType.IMAGE,
                        i -> i.url("https://example.com/a.png").caption("c".repeat(1025)))), "media[0].caption",
                        "must be at most 1024 characters, was 1025"),
                rule("caption on audio", () -> send(Messages.media().add(OutgoingMediaType.AUDIO,
                        i -> i.url("https://example.com/a.ogg").caption("c"))), "media[0].caption",
                        "is not allowed on audio"),
                rule("blank file name", () -> send(Messages.media().document("https://example.com/a.pdf", " ")),
                        "media[0].filename", "must not be blank when given"),
                rule("no buttons", () -> send(Messages.buttons("t")), "buttons", "must have 1-3 items, was 0"),
                rule("four buttons", () -> send(Messages.buttons("t").button("a").button("b").button("c").button("d")),
                        "buttons", "must have 1-3 items, was 4"),
                rule("button title over 20", () -> send(Messages.buttons("t").button("x".repeat(21))), "buttons[0].title",
                        "must be 1-20 characters, was 21"),
                rule("empty button title", () -> send(Messages.buttons("t").button("")), "buttons[0].title",
                        "must be 1-20 characters, was 0"),
                rule("repeated button title", () -> send(Messages.buttons("t").button("Yes").button("Yes")), "buttons",
                        "must not repeat the title 'Yes'"),
                rule("button payload over 256", () -> send(Messages.buttons("t").button("a", "p".repeat(257))),
                        "buttons[0].payload", "must be at most 256 characters, was 257"),
                rule("buttons text over 1024", () -> send(Messages.buttons("t".repeat(1025)).button("a")), "text",
                        "must be 1-1024 characters, was 1025"),
                rule("list text missing", () -> send(Messages.list("", "Choose").section(null, s -> s.row("a"))), "text",
                        "must be 1-1024 characters, was 0"),
                rule("list button over 20", () -> send(Messages.list("t", "b".repeat(21)).section(null, s -> s.row("a"))),
                        "list.button", "must be 1-20 characters, was 21"),
                rule("list without sections", () -> send(Messages.list("t", "b")), "list.sections",
                        "must have 1-10 items, was 0"),
                rule("section without rows", () -> send(Messages.list("t", "b").section(null, s -> { })),
                        "list.sections[0].rows", "must have 1-10 items, was 0"),
                rule("11 rows across sections", () -> send(Messages.list("t", "b")
                        .section("A", s -> rows(s, "a", 6)).section("B", s -> rows(s, "b", 5))), "list.sections",
                        "must have at most 10 rows across all sections, was 11"),
                rule("11 sections", () -> send(elevenSections()), "list.sections", "must have 1-10 items, was 11"),
                rule("untitled second section", () -> send(Messages.list("t", "b").section("A", s -> s.row("a"))
                        .section(null, s -> s.row("b"))), "list.sections[1].title", "is required"),
                rule("section title over 24", () -> send(Messages.list("t", "b").section("s".repeat(25), s -> s.row("a"))),
                        "list.sections[0].title", "must be at most 24 characters, was 25"),
                rule("row title over 24", () -> send(Messages.list("t", "b").section(null, s -> s.row("r".repeat(25)))),
                        "list.sections[0].rows[0].title", "must be 1-24 characters, was 25"),
                rule("row description over 72", () -> send(Messages.list("t", "b")
                        .section(null, s -> s.row("r", "p", "d".repeat(73)))), "list.sections[0].rows[0].description",
                        "must be at most 72 characters, was 73"),
                rule("row payload over 200", () -> send(Messages.list("t", "b")
                        .section(null, s -> s.row("r", "p".repeat(201)))), "list.sections[0].rows[0].payload",
                        "must be at most 200 characters, was 201"),
                rule("no contacts", () -> send(Messages.contacts()), "contacts", "must have at least 1 item, was 0"),
                rule("blank contact name", () -> send(Messages.contacts().contact(" ")), "contacts[0].name.formatted_name",
                        "must not be blank"),
                rule("latitude over 90", () -> send(Messages.location(91, 0)), "location.latitude",
                        "must be between -90 and 90, was 91.0"),
                rule("longitude under -180", () -> send(Messages.location(0, -180.5)), "location.longitude",
                        "must be between -180 and 180, was -180.5"),
                rule("latitude NaN", () -> send(Messages.location(Double.NaN, 0)), "location.latitude",
                        "must be between -90 and 90, was NaN"),
                rule("location link not a URL", () -> send(Messages.location(1, 1).url("maps")), "location.url",
                        "must be an absolute http(s) URL, was 'maps'"),
                rule("blank chat id", () -> texter.sendText(" ", "hi"), "chatId", "must not be blank"),
                rule("raw model without type", () -> texter.sendMessage("c", new SessionMessage().text("hi")), "type",
                        "is required"),
                rule("raw text message carrying media", () -> texter.sendMessage("c", new SessionMessage()
                        .type(OutgoingMessageType.TEXT).text("hi").media(List.of(new OutgoingMedia()
                                .mediaType(OutgoingMediaType.IMAGE).url(URI.create("https://example.com/a.png"))))),
                        "media", "is not allowed in a text message"),
                rule("raw list message without list", () -> texter.sendMessage("c",
                        new SessionMessage().type(OutgoingMessageType.LIST).text("t")), "list", "is required"),
                rule("raw list section list", () -> texter.sendMessage("c", new SessionMessage()
                        .type(OutgoingMessageType.LIST).text("t")._list(new ListMenu().button("b"))), "list.sections",
                        "must have 1-10 items, was 0"),
                rule("raw contact without name", () -> texter.sendMessage("c", new SessionMessage()
                        .type(OutgoingMessageType.CONTACTS).contacts(List.of(new ContactCard()))), "contacts[0].name",
                        "is required"),
                rule("raw contact with empty name", () -> texter.sendMessage("c", new SessionMessage()
                        .type(OutgoingMessageType.CONTACTS).contacts(List.of(new ContactCard().name(new ContactName())))),
                        "contacts[0].name.formatted_name", "is required"),
                rule("raw media of unknown type", () -> texter.sendMessage("c", new SessionMessage()
                        .type(OutgoingMessageType.MEDIA).media(List.of(new OutgoingMedia()
                                .mediaType(OutgoingMediaType.UNKNOWN).fileId("f")))), "media[0].mediaType",
                        "must be one of image, video, document, audio"),
                rule("raw unknown type", () -> texter.sendMessage("c", new SessionMessage()
                        .type(OutgoingMessageType.UNKNOWN)), "type", "must be one of text, media, buttons, list, contacts, location"));
    }

    private static void send(MessageBuilder<?> message) {
        texter.sendMessage(CHAT, message);
    }

    private static MediaMessageBuilder elevenImages() {
        MediaMessageBuilder media = Messages.media();
        for (int i = 0; i < 11; i++) {
            media.image("https://example.com/" + i + ".png");
        }
        return media;
    }

    private static ListMessageBuilder elevenSections() {
        ListMessageBuilder list = Messages.list("t", "b");
        for (int i = 0; i < 11; i++) {
            list.section("S" + i, s -> s.row("r"));
        }
        return list;
    }

    private static void rows(ListMessageBuilder.Section section, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            section.row(prefix + i);
        }
    }
}
