package com.texterchat.dsl.template;

import static com.texterchat.dsl.support.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.dsl.message.Messages;
import com.texterchat.dsl.support.Json;
import com.texterchat.dsl.support.RuleTests;
import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.TemplateButton;
import com.texterchat.model.TemplateButtonType;
import com.texterchat.model.TemplateComponentExample;
import com.texterchat.model.TemplateReplyAction;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.TemplateButtonParameter;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateComponent;
import com.texterchat.model.TemplateComponentType;
import com.texterchat.model.TemplateHeaderFormat;
import com.texterchat.model.TemplateHeaderMedia;
import com.texterchat.model.TemplateLocalizationRequest;
import com.texterchat.model.TemplateUsage;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class TemplatesTest extends RuleTests {

    private static final String ACCOUNT = "972586640430";

    @Test
    void sendMatchesTheReferenceAndSpecExamples() {
        SendTemplateRequest minimal = Templates.send("inbox_marketing_98", "972521234567").build();

        assertSameJson(Json.of(minimal), Json.reference("send-template-message"));
        assertSameJson(Json.of(minimal), Json.specRequestExample("sendTemplateMessage", "minimal"));
    }

    @Test
    void sendWithValuesMatchesTheSpecExample() {
        JsonNode expected = Json.specRequestExample("sendTemplateMessage", "variables");
        SendTemplateRequest request = Templates.send("inbox_marketing_95", "0521234567")
                .language("he")
                .body(expected.at("/body/0").asText(), "15033")
                .documentHeader("https://example.com/invoice.pdf", "invoice.pdf")
                .replyAction(r -> r.chatStatus(ReplyChatStatus.PENDING).responsibleDepartment("customer_service"))
                .build();

        assertSameJson(Json.of(request), expected);
    }

    @Test
    void sendCarriesButtonsChatDataReplyActionAndSessionFallback() {
        SendTemplateRequest request = Templates.send("order_shipped", "+972 52-123-4567")
                .from(ACCOUNT)
                .buttonPayloads("A-1001")
                .setChat("crmData", java.util.Map.of("orderId", "A-1001"))
                .replyAction(r -> r.chatStatus(ReplyChatStatus.BOT).setBotNode("after_order").replyText("Thanks!")
                        .expirationTime(Duration.ofHours(1)))
                .sessionMessage(Messages.text("Your order A-1001 has shipped."))
                .build();

        assertSameJson(Json.of(request), Json.parse("""
                {"templateName": "order_shipped", "to": "+972 52-123-4567", "from": "972586640430",
                 "buttons": [{"payload": "A-1001"}], "setChat": {"crmData": {"orderId": "A-1001"}},
                 "replyAction": {"chatStatus": 0, "setBotNode": "after_order", "replyText": "Thanks!", "expirationTime": 3600},
                 "sessionMessage": {"type": "text", "text": "Your order A-1001 has shipped."}}"""));
    }

    @Test
    void createMatchesTheReferenceAndSpecExamples() {
        NewTemplate template = Templates.newTemplate("Example Template", TemplateCategory.MARKETING, TemplateUsage.INBOX,
                ReplyChatStatus.PENDING).build();

        assertSameJson(Json.of(template.request()), Json.reference("create-new-template"));
        assertSameJson(Json.of(template.request()), Json.specRequestExample("createTemplate", "default"));
        assertThat(template.localizations()).isEmpty();
    }

    @Test
    void localizationMatchesTheReferenceAndSpecExamples() {
        TemplateLocalizationRequest localization = Templates.localization("en")
                .body("How can we help?")
                .quickReply("About Texter")
                .quickReply("Contact Us")
                .build();

        assertSameJson(Json.of(localization), Json.reference("create-or-update-localization"));
        assertSameJson(Json.of(localization), Json.specRequestExample("upsertTemplateLocalization", "default"));
    }

    @Test
    void updateMatchesTheReferenceAndSpecExamples() {
        JsonNode expected = Json.reference("update-existing-template");
        var update = Templates.update().title("Updated Template").chatStatus(ReplyChatStatus.RESOLVED)
                .usage(TemplateUsage.BULK).replyText(expected.get("replyText").asText()).build();

        assertSameJson(Json.of(update), expected);
        assertSameJson(Json.of(update), Json.specRequestExample("updateTemplate", "default"));
    }

    @Test
    void aFullLocalizationHasEveryComponentWithItsExamples() {
        TemplateLocalizationRequest localization = Templates.localization("en_US")
                .textHeader("Order {{1}}", "A-1001")
                .body("Hi {{1}}, your order is on its way. Total: {{2}}.", "John", "$20")
                .footer("Reply STOP to opt out")
                .urlButton("Track", "https://example.com/track/{{1}}", "https://example.com/track/A-1001")
                .phoneButton("Call us", "+972586640430")
                .defaults(d -> d.body("there", "-").buttonPayloads("none"))
                .build();

        assertSameJson(Json.of(localization), Json.parse("""
                {"language": "en_US", "components": [
                  {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": {"header_text": ["A-1001"]}},
                  {"type": "BODY", "text": "Hi {{1}}, your order is on its way. Total: {{2}}.",
                   "example": {"body_text": [["John", "$20"]]}},
                  {"type": "FOOTER", "text": "Reply STOP to opt out"},
                  {"type": "BUTTONS", "buttons": [
                    {"type": "URL", "text": "Track", "url": "https://example.com/track/{{1}}",
                     "example": {"url": "https://example.com/track/A-1001"}},
                    {"type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+972586640430"}]}],
                 "defaults": {"body": ["there", "-"], "buttons": [{"payload": "none"}]}}"""));
    }

    @Test
    void mediaHeadersAndLimitsAtTheirMaximumAreAccepted() {
        TemplateLocalizationRequest localization = Templates.localization("he")
                .mediaHeader(TemplateHeaderFormat.DOCUMENT, "https://example.com/sample.pdf")
                .body("b".repeat(1024))
                .footer("f".repeat(60))
                .quickReply("q".repeat(25)).quickReply("Two").quickReply("Three")
                .defaults(d -> d.documentHeader("https://example.com/invoice.pdf", "invoice.pdf"))
                .build();

        assertThat(localization.getComponents()).extracting(TemplateComponent::getType).containsExactly(
                TemplateComponentType.HEADER, TemplateComponentType.BODY, TemplateComponentType.FOOTER,
                TemplateComponentType.BUTTONS);
        assertThat(Templates.send("t", "972521234567").body("four    spaces").build().getBody())
                .containsExactly("four    spaces");
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // Send Template Message
                rule("template name with a space", () -> send("order shipped", "972521234567", t -> { }), "templateName",
                        "must match ^[a-zA-Z0-9_-]+$"),
                rule("recipient with letters", () -> send("t", "call me", t -> { }), "to", "must match"),
                rule("recipient with 4 digits", () -> send("t", "1234", t -> { }), "to", "must have 5-15 digits, had 4"),
                rule("recipient with 16 digits", () -> send("t", "+1234567890123456", t -> { }), "to",
                        "must have 5-15 digits, had 16"),
                rule("blank sender", () -> send("t", "972521234567", t -> t.from(" ")), "from", "must not be blank"),
                rule("upper-case language", () -> send("t", "972521234567", t -> t.language("EN")), "language",
                        "must match ^[a-z]{2,3}(_[A-Za-z]{2,4})?$"),
                rule("body value with a line break", () -> send("t", "972521234567", t -> t.body("a", "b\nc")), "body[1]",
                        "must not contain line breaks, tabs or 5 or more consecutive spaces"),
                rule("body value with a tab", () -> send("t", "972521234567", t -> t.body("a\tb")), "body[0]",
                        "must not contain line breaks, tabs or 5 or more consecutive spaces"),
                rule("body value with 5 spaces", () -> send("t", "972521234567", t -> t.body("a     b")), "body[0]",
                        "must not contain line breaks, tabs or 5 or more consecutive spaces"),
                rule("empty body value", () -> send("t", "972521234567", t -> t.body("")), "body[0]", "must not be empty"),
                rule("header url not a URL", () -> send("t", "972521234567", t -> t.imageHeader("logo.png")), "header.url",
                        "must be an absolute http(s) URL, was 'logo.png'"),
                rule("filename on an image header", () -> texter.sendTemplate(new SendTemplateRequest().templateName("t")
                        .to("972521234567").header(new TemplateHeaderMedia().type(TemplateHeaderMedia.TypeEnum.IMAGE)
                                .url("https://example.com/a.png").filename("a.png"))), "header.filename",
                        "is only allowed on a document header"),
                rule("empty button value", () -> texter.sendTemplate(new SendTemplateRequest().templateName("t")
                        .to("972521234567").buttons(List.of(new TemplateButtonParameter()))), "buttons[0]",
                        "must have a payload"),
                rule("agent and department", () -> send("t", "972521234567",
                        t -> t.replyAction(r -> r.responsibleAgent("a@example.com").responsibleDepartment("sales"))),
                        "replyAction.responsibleAgent", "cannot be combined with responsibleDepartment"),
                rule("bot node without BOT status", () -> send("t", "972521234567",
                        t -> t.replyAction(r -> r.chatStatus(ReplyChatStatus.PENDING).setBotNode("n"))),
                        "replyAction.setBotNode", "needs chatStatus BOT (0), was 1 (PENDING)"),
                rule("fractional expiration", () -> send("t", "972521234567",
                        t -> t.replyAction(r -> r.expirationTime(Duration.ofMillis(1500)))), "replyAction.expirationTime",
                        "must be zero or more whole seconds"),
                rule("invalid session fallback", () -> send("t", "972521234567",
                        t -> t.sessionMessage(new com.texterchat.model.SessionMessage()
                                .type(com.texterchat.model.OutgoingMessageType.TEXT).text("x".repeat(5000)))),
                        "sessionMessage.text", "must be 1-4096 characters, was 5000"),
                rule("blank chat data key", () -> send("t", "972521234567", t -> t.setChat(" ", 1)), "setChat",
                        "keys must not be blank"),
                rule("unknown reply status", () -> texter.sendTemplate(new SendTemplateRequest().templateName("t")
                        .to("972521234567").replyAction(new TemplateReplyAction().chatStatus(ReplyChatStatus.UNKNOWN))),
                        "replyAction.chatStatus", "must be a value Texter documents, was UNKNOWN"),
                rule("negative expiration", () -> texter.sendTemplate(new SendTemplateRequest().templateName("t")
                        .to("972521234567").replyAction(new TemplateReplyAction().expirationTime(-1L))),
                        "replyAction.expirationTime", "must be at least 0, was -1"),
                rule("unknown header type", () -> texter.sendTemplate(new SendTemplateRequest().templateName("t")
                        .to("972521234567").header(new TemplateHeaderMedia().type(TemplateHeaderMedia.TypeEnum.UNKNOWN)
                                .url("https://example.com/a.png"))), "header.type", "must be image, video or document"),
                // Create New Template
                rule("blank title", () -> create(Templates.newTemplate(" ", TemplateCategory.UTILITY, TemplateUsage.BULK,
                        ReplyChatStatus.BOT)), "title", "must not be blank"),
                rule("unknown category", () -> texter.createTemplateDraft(ACCOUNT, new NewTemplate(new CreateTemplateRequest()
                        .title("T").category(TemplateCategory.UNKNOWN).chatStatus(ReplyChatStatus.BOT)
                        .usage(TemplateUsage.BULK), List.of())), "category", "must be a value Texter documents, was UNKNOWN"),
                rule("name with a hyphen", () -> create(welcome().name("welcome-1")), "name", "must match ^[a-zA-Z0-9_]+$"),
                rule("name over 512", () -> create(welcome().name("n".repeat(513))), "name",
                        "must be at most 512 characters, was 513"),
                rule("template agent and department", () -> create(welcome().responsibleAgent("a@example.com")
                        .responsibleDepartment("sales")), "responsibleAgent", "cannot be combined with responsibleDepartment"),
                rule("template bot node without BOT", () -> create(welcome().setBotNode("n")), "setBotNode",
                        "needs chatStatus BOT (0), was 1 (PENDING)"),
                rule("blank department", () -> create(welcome().departments(List.of("sales", ""))), "departments[1]",
                        "must not be blank"),
                rule("no localization", () -> texter.createAndSubmitTemplate(ACCOUNT, Templates.newTemplate("T",
                        TemplateCategory.MARKETING, TemplateUsage.INBOX, ReplyChatStatus.PENDING)), "localizations",
                        "must have at least 1 item, was 0"),
                rule("repeated language", () -> create(welcome().localization("en", l -> l.body("Hello"))), "localizations",
                        "must not repeat the language 'en'"),
                rule("blank account", () -> texter.createAndSubmitTemplate(" ", welcome()), "accountId", "must not be blank"),
                rule("unknown usage", () -> texter.createAndSubmitTemplate(ACCOUNT, new NewTemplate(new CreateTemplateRequest()
                        .title("T").category(TemplateCategory.UTILITY).chatStatus(ReplyChatStatus.BOT)
                        .usage(TemplateUsage.UNKNOWN), List.of())), "usage", "must be a value Texter documents, was UNKNOWN"),
                rule("missing chat status", () -> texter.createAndSubmitTemplate(ACCOUNT, new NewTemplate(new CreateTemplateRequest()
                        .title("T").category(TemplateCategory.UTILITY).usage(TemplateUsage.BULK), List.of())), "chatStatus",
                        "is required"),
                // Create or Update Localization
                rule("language not a tag", () -> localize("english", l -> l.body("Hi")), "localizations[english].language",
                        "must match ^[a-z]{2,3}(_[A-Za-z]{2,4})?$"),
                rule("no components", () -> localize("he", l -> { }), "localizations[he].components",
                        "must have 1-4 items, was 0"),
                rule("two bodies", () -> localize("he", l -> l.body("One").body("Two")), "localizations[he].components[1]",
                        "is a second BODY component"),
                rule("no body", () -> localize("he", l -> l.footer("Only a footer")), "localizations[he].components",
                        "must include a BODY component"),
                rule("header text over 60", () -> localize("he", l -> l.textHeader("h".repeat(61)).body("b")),
                        "localizations[he].components[0].text", "must be 1-60 characters, was 61"),
                rule("header with two variables", () -> localize("he", l -> l.textHeader("{{1}} {{2}}", "x").body("b")),
                        "localizations[he].components[0].text", "must have at most 1 variable ({{1}}), had 2"),
                rule("header variable without example", () -> localize("he", l -> l.textHeader("Hi {{1}}").body("b")),
                        "localizations[he].components[0].example.header_text", "must have 1 example (one per variable), was 0"),
                rule("media header sample not a URL", () -> localize("he",
                        l -> l.mediaHeader(TemplateHeaderFormat.IMAGE, "logo.png").body("b")),
                        "localizations[he].components[0].example.header_handle[0]", "must be an absolute http(s) URL"),
                rule("media header without sample", () -> texter.createAndSubmitTemplate(ACCOUNT, new NewTemplate(
                        welcome().build().request(), List.of(new TemplateLocalizationRequest().language("he").components(
                                List.of(new TemplateComponent().type(TemplateComponentType.HEADER)
                                        .format(TemplateHeaderFormat.VIDEO), body("b")))))),
                        "localizations[he].components[0].example.header_handle", "must have 1 item, was 0"),
                rule("header without format", () -> texter.createAndSubmitTemplate(ACCOUNT, new NewTemplate(
                        welcome().build().request(), List.of(new TemplateLocalizationRequest().language("he").components(
                                List.of(new TemplateComponent().type(TemplateComponentType.HEADER).text("h"), body("b")))))),
                        "localizations[he].components[0].format", "is required"),
                rule("body over 1024", () -> localize("he", l -> l.body("b".repeat(1025))),
                        "localizations[he].components[0].text", "must be 1-1024 characters, was 1025"),
                rule("variables with a gap", () -> localize("he", l -> l.body("Hi {{1}}, code {{3}}.", "a", "b")),
                        "localizations[he].components[0].text", "must number its variables from {{1}} without gaps, found {{1}}, {{3}}"),
                rule("named variable with a positional example", () -> localize("he", l -> l.body("Hi {{name}}.", "a")),
                        "localizations[he].components[0].example.body_text",
                        "must be absent when the variables are named; use body_text_named_params"),
                rule("body starting with a variable", () -> localize("he", l -> l.body("{{1}} is here.", "a")),
                        "localizations[he].components[0].text", "must not start or end with a variable"),
                rule("body ending with a variable", () -> localize("he", l -> l.body("Your code is {{1}}", "a")),
                        "localizations[he].components[0].text", "must not start or end with a variable"),
                rule("variables without examples", () -> localize("he", l -> l.body("Hi {{1}}, code {{2}}.")),
                        "localizations[he].components[0].example.body_text", "must have 1 item, was 0"),
                rule("one example for two variables", () -> localize("he", l -> l.body("Hi {{1}}, code {{2}}.", "a")),
                        "localizations[he].components[0].example.body_text[0]", "must have 2 examples (one per variable), was 1"),
                rule("examples without variables", () -> localize("he", l -> l.body("Hello.", "a")),
                        "localizations[he].components[0].example.body_text", "must be absent when the text has no variables"),
                rule("footer over 60", () -> localize("he", l -> l.body("b").footer("f".repeat(61))),
                        "localizations[he].components[1].text", "must be 1-60 characters, was 61"),
                rule("footer with a variable", () -> localize("he", l -> l.body("b").footer("Bye {{1}}")),
                        "localizations[he].components[1].text", "must not contain variables"),
                rule("four quick replies", () -> localize("he", l -> l.body("b").quickReply("1").quickReply("2")
                        .quickReply("3").quickReply("4")), "localizations[he].components[1].buttons", "must have 1-3 items, was 4"),
                rule("three URL buttons", () -> localize("he", l -> l.body("b").urlButton("1", "https://a.example")
                        .urlButton("2", "https://b.example").urlButton("3", "https://c.example")),
                        "localizations[he].components[1].buttons", "must have at most 2 URL, PHONE_NUMBER or FLOW buttons, was 3"),
                rule("quick reply mixed with a URL", () -> localize("he", l -> l.body("b").quickReply("Yes")
                        .urlButton("Site", "https://example.com")), "localizations[he].components[1].buttons",
                        "must not mix QUICK_REPLY with URL, PHONE_NUMBER or FLOW buttons"),
                rule("button text over 25", () -> localize("he", l -> l.body("b").quickReply("q".repeat(26))),
                        "localizations[he].components[1].buttons[0].text", "must be 1-25 characters, was 26"),
                rule("URL button not a URL", () -> localize("he", l -> l.body("b").urlButton("Site", "example.com")),
                        "localizations[he].components[1].buttons[0].url", "must be an absolute http(s) URL"),
                rule("URL variable not at the end", () -> localize("he", l -> l.body("b")
                        .urlButton("Site", "https://example.com/{{1}}/x", "https://example.com/a/x")),
                        "localizations[he].components[1].buttons[0].url", "may only hold one variable, {{1}}, at its end"),
                rule("URL variable without example", () -> localize("he", l -> l.body("b")
                        .urlButton("Site", "https://example.com/{{1}}")),
                        "localizations[he].components[1].buttons[0].example.url", "is required"),
                rule("phone number over 20", () -> localize("he", l -> l.body("b").phoneButton("Call", "1".repeat(21))),
                        "localizations[he].components[1].buttons[0].phone_number", "must be 1-20 characters, was 21"),
                rule("flow without id", () -> localize("he", l -> l.body("b").flowButton("Book", " ", null)),
                        "localizations[he].components[1].buttons[0].flow_id", "must not be blank"),
                rule("defaults for a missing variable", () -> localize("he", l -> l.body("Hi {{1}}.", "a")
                        .defaults(d -> d.body("a", "b"))), "localizations[he].defaults.body",
                        "must have 1 item (one per body variable), was 2"),
                rule("default value with a line break", () -> localize("he", l -> l.body("Hi {{1}}.", "a")
                        .defaults(d -> d.body("a\nb"))), "localizations[he].defaults.body[0]", "must not contain line breaks"),
                rule("unknown component type", () -> raw(new TemplateComponent().type(TemplateComponentType.UNKNOWN)),
                        "localizations[he].components[0].type", "must be one of HEADER, BODY, FOOTER, BUTTONS"),
                rule("LOCATION header with text", () -> raw(header(TemplateHeaderFormat.LOCATION).text("x"), body("b")),
                        "localizations[he].components[0]", "of format LOCATION takes no text or example"),
                rule("TEXT header example without variable", () -> raw(header(TemplateHeaderFormat.TEXT).text("h")
                        .example(new TemplateComponentExample().headerText(List.of("x"))), body("b")),
                        "localizations[he].components[0].example.header_text", "must be absent when there are no variables"),
                rule("TEXT header example of another kind", () -> raw(header(TemplateHeaderFormat.TEXT).text("h {{1}}")
                        .example(new TemplateComponentExample().headerText(List.of("x")).headerHandle(List.of("y"))), body("b")),
                        "localizations[he].components[0].example", "of a TEXT header may only hold header_text"),
                rule("media header with text", () -> raw(header(TemplateHeaderFormat.IMAGE).text("h"), body("b")),
                        "localizations[he].components[0].text", "is not allowed on a IMAGE header"),
                rule("body with a format", () -> raw(body("b").format(TemplateHeaderFormat.TEXT)),
                        "localizations[he].components[0].format", "is only allowed on a HEADER"),
                rule("body with buttons", () -> raw(body("b").buttons(List.of(quickReply("q")))),
                        "localizations[he].components[0].buttons", "are only allowed in a BUTTONS component"),
                rule("body example of another kind", () -> raw(body("b").example(new TemplateComponentExample()
                        .headerText(List.of("x")))), "localizations[he].components[0].example", "of a BODY may only hold body_text"),
                rule("blank body example", () -> localize("he", l -> l.body("Hi {{1}}.", " ")),
                        "localizations[he].components[0].example.body_text[0][0]", "must not be blank"),
                rule("footer with an example", () -> raw(body("b"), new TemplateComponent().type(TemplateComponentType.FOOTER)
                        .text("f").example(new TemplateComponentExample())), "localizations[he].components[1]", "takes only a text"),
                rule("buttons component with text", () -> raw(body("b"), new TemplateComponent()
                        .type(TemplateComponentType.BUTTONS).text("t").buttons(List.of(quickReply("q")))),
                        "localizations[he].components[1]", "takes only buttons"),
                rule("quick reply with a URL", () -> raw(body("b"), buttons(quickReply("q").url("https://example.com"))),
                        "localizations[he].components[1].buttons[0]", "of type QUICK_REPLY takes only a text"),
                rule("button without type", () -> raw(body("b"), buttons(new TemplateButton().text("q"))),
                        "localizations[he].components[1].buttons[0].type", "is required"),
                rule("unknown button type", () -> raw(body("b"), buttons(new TemplateButton().type(TemplateButtonType.UNKNOWN)
                        .text("q"))), "localizations[he].components[1].buttons[0].type", "must be one of QUICK_REPLY, URL"),
                rule("URL over 2000", () -> localize("he", l -> l.body("b").urlButton("Site",
                        "https://example.com/" + "p".repeat(1990))), "localizations[he].components[1].buttons[0].url",
                        "must be 1-2000 characters, was 2010"),
                rule("URL example without variable", () -> localize("he", l -> l.body("b").urlButton("Site",
                        "https://example.com", "https://example.com/x")),
                        "localizations[he].components[1].buttons[0].example.url", "must be absent when the URL has no variable"),
                rule("default header not a URL", () -> localize("he", l -> l.body("b").defaults(d -> d.videoHeader("v.mp4"))),
                        "localizations[he].defaults.header.url", "must be an absolute http(s) URL"),
                // Update Existing Template
                rule("empty update", () -> texter.updateTemplate(ACCOUNT, "t", Templates.update()), "",
                        "must change at least one field"),
                rule("blank new title", () -> texter.updateTemplate(ACCOUNT, "t", Templates.update().title("")), "title",
                        "must not be blank"),
                rule("update with agent and department", () -> texter.updateTemplate(ACCOUNT, "t", Templates.update()
                        .responsibleAgent("a@example.com").responsibleDepartment("sales")), "responsibleAgent",
                        "cannot be combined with responsibleDepartment"),
                rule("update of a badly named template", () -> texter.updateTemplate(ACCOUNT, "a/b",
                        Templates.update().title("T")), "templateName", "must match ^[a-zA-Z0-9_-]+$"));
    }

    private static void send(String name, String to, Consumer<SendTemplateBuilder> values) {
        SendTemplateBuilder template = Templates.send(name, to);
        values.accept(template);
        texter.sendTemplate(template);
    }

    private static NewTemplateBuilder welcome() {
        return Templates.newTemplate("Welcome", TemplateCategory.MARKETING, TemplateUsage.INBOX, ReplyChatStatus.PENDING)
                .localization("en", l -> l.body("Hello"));
    }

    private static void create(NewTemplateBuilder template) {
        texter.createAndSubmitTemplate(ACCOUNT, template);
    }

    private static void localize(String language, Consumer<LocalizationBuilder> content) {
        texter.createAndSubmitTemplate(ACCOUNT, Templates.newTemplate("T", TemplateCategory.MARKETING,
                TemplateUsage.INBOX, ReplyChatStatus.PENDING).localization(language, content));
    }

    private static void raw(TemplateComponent... components) {
        texter.createAndSubmitTemplate(ACCOUNT, new NewTemplate(welcome().build().request(),
                List.of(new TemplateLocalizationRequest().language("he").components(List.of(components)))));
    }

    private static TemplateComponent header(TemplateHeaderFormat format) {
        return new TemplateComponent().type(TemplateComponentType.HEADER).format(format);
    }

    private static TemplateComponent buttons(TemplateButton... buttons) {
        return new TemplateComponent().type(TemplateComponentType.BUTTONS).buttons(List.of(buttons));
    }

    private static TemplateButton quickReply(String text) {
        return new TemplateButton().type(TemplateButtonType.QUICK_REPLY).text(text);
    }

    private static TemplateComponent body(String text) {
        return new TemplateComponent().type(TemplateComponentType.BODY).text(text);
    }
}
