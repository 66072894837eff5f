package com.texterchat.dsl.template;

import static com.texterchat.dsl.support.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.dsl.support.Json;
import com.texterchat.dsl.support.RuleTests;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateComponent;
import com.texterchat.model.TemplateComponentExample;
import com.texterchat.model.TemplateComponentType;
import com.texterchat.model.TemplateHeaderFormat;
import com.texterchat.model.TemplateLocalizationRequest;
import com.texterchat.model.TemplateNamedParameter;
import com.texterchat.model.TemplateParameterFormat;
import com.texterchat.model.TemplateUsage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.provider.Arguments;

/** Named variables, AUTHENTICATION templates and copies of templates read back from Texter. */
class TemplateVariantsTest extends RuleTests {

    private static final String ACCOUNT = "972586640430";

    /** A template as List All Templates returns it, with named variables, a draft, defaults, buttons and a header. */
    private static final String NAMED_TEMPLATE = """
            {"_id": "6891bb93481ccea320113a91", "name": "order_shipped_named", "title": "Order shipped",
             "usage": "bulk", "chatStatus": 0, "created": 1761559633632, "departments": ["sales"], "isDefault": false,
             "setBotNode": "after_shipping", "replyText": "Thanks!", "bot": "main",
             "channelInfo": {"name": "whatsapp", "accountId": "972509876543"},
             "provider_template": {"name": "order_shipped_named", "category": "UTILITY", "metadata": {},
               "localizations": [{"language": "en", "status": "APPROVED", "rejectionReason": "NONE",
                 "parameter_format": "NAMED",
                 "components": [
                   {"type": "HEADER", "format": "TEXT", "text": "Order {{order_id}}",
                    "example": {"header_text_named_params": [{"param_name": "order_id", "example": "A-1001"}]}},
                   {"type": "BODY", "text": "Hi {{first_name}}, order {{order_id}} ships on {{ship_date}}.",
                    "example": {"body_text_named_params": [
                      {"param_name": "first_name", "example": "John"},
                      {"param_name": "order_id", "example": "A-1001"},
                      {"param_name": "ship_date", "example": "May 5"}]}},
                   {"type": "FOOTER", "text": "Reply STOP to opt out"},
                   {"type": "BUTTONS", "buttons": [
                     {"type": "URL", "text": "Track", "url": "https://example.com/track/{{1}}",
                      "example": {"url": "https://example.com/track/A-1001"}}]}]}]},
             "defaults": {"en": {"body": ["there", "-", "soon"], "buttons": [{"payload": "none"}]}},
             "localizationDrafts": {
               "he": {"language": "he", "components": [{"type": "BODY", "text": "היי {{1}}, ההזמנה בדרך.",
                 "example": {"body_text": [["רועי"]]}}]},
               "en": {"language": "en", "components": [{"type": "BODY", "text": "ignored: en is submitted"}]}}}""";

    @Test
    void namedVariablesUseWhatsAppsNamedFormat() {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("order_id", "A-1001");
        examples.put("first_name", "John");
        TemplateLocalizationRequest localization = Templates.localization("en")
                .textHeader("Order {{order_id}}", Map.of("order_id", "A-1001"))
                .body("Hi {{first_name}}, order {{order_id}} has shipped.", examples)
                .urlButton("Track", "https://example.com/track/{{1}}", "https://example.com/track/A-1001")
                .build();

        // The examples follow the order of the text, whatever the order of the map.
        assertSameJson(Json.of(localization), Json.parse("""
                {"language": "en", "parameter_format": "NAMED", "components": [
                  {"type": "HEADER", "format": "TEXT", "text": "Order {{order_id}}",
                   "example": {"header_text_named_params": [{"param_name": "order_id", "example": "A-1001"}]}},
                  {"type": "BODY", "text": "Hi {{first_name}}, order {{order_id}} has shipped.",
                   "example": {"body_text_named_params": [{"param_name": "first_name", "example": "John"},
                                                          {"param_name": "order_id", "example": "A-1001"}]}},
                  {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Track",
                    "url": "https://example.com/track/{{1}}", "example": {"url": "https://example.com/track/A-1001"}}]}]}"""));
    }

    @Test
    void positionalVariablesStillSendNoParameterFormat() {
        TemplateLocalizationRequest localization = Templates.localization("en").body("Hi {{1}}!", "John").build();

        assertThat(localization.getParameterFormat()).isNull();
        assertThat(Json.of(localization).has("parameter_format")).isFalse();
    }

    @Test
    void anAuthenticationTemplateFollowingWhatsAppsRulesIsAccepted() {
        NewTemplate otp = Templates.newTemplate("Login code", TemplateCategory.AUTHENTICATION, TemplateUsage.INBOX,
                        ReplyChatStatus.RESOLVED)
                .localization("en", l -> l.body("*{{1}}* is your verification code.", "123456")
                        .footer("This code expires in 10 minutes.")
                        .urlButton("Copy code", "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code={{1}}",
                                "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=123456"))
                .localization("he", l -> l.body("הקוד שלך הוא *{{1}}*, אין למסור אותו.", "123456"))
                .build();

        assertThat(otp.request().getCategory()).isEqualTo(TemplateCategory.AUTHENTICATION);
        assertThat(Json.of(otp.request()).get("category").asText()).isEqualTo("AUTHENTICATION");
        assertThat(otp.localizations()).extracting(TemplateLocalizationRequest::getLanguage).containsExactly("en", "he");
    }

    @Test
    void aTemplateOfTheSpecsListExampleIsCopiedWithEverySetting() throws IOException {
        JsonNode listed = Json.specResponseExample("listTemplates", "default").get(0);
        Template template = TexterJson.mapper().treeToValue(listed, Template.class);

        NewTemplate copy = Templates.copyOf(template).build();

        assertSameJson(Json.of(copy.request()), Json.parse("""
                {"title": "Order ready notification", "category": "MARKETING", "chatStatus": 1, "usage": "inbox",
                 "name": "inbox_marketing_95", "isDefault": false, "departments": []}"""));
        assertThat(copy.localizations()).hasSize(1);
        JsonNode localization = Json.of(copy.localizations().get(0));
        JsonNode source = listed.at("/provider_template/localizations/0");
        assertThat(localization.get("language")).isEqualTo(source.get("language"));
        assertThat(localization.get("components")).isEqualTo(source.get("components"));
        assertThat(localization.get("defaults")).isEqualTo(listed.at("/defaults/he"));
    }

    @Test
    void aNamedTemplateIsCopiedWithItsDraftsDefaultsAndButtons() throws IOException {
        JsonNode listed = Json.parse(NAMED_TEMPLATE);
        Template template = TexterJson.mapper().treeToValue(listed, Template.class);

        NewTemplate copy = Templates.copyOf(template).build();

        assertSameJson(Json.of(copy.request()), Json.parse("""
                {"title": "Order shipped", "category": "UTILITY", "chatStatus": 0, "usage": "bulk",
                 "name": "order_shipped_named", "isDefault": false, "departments": ["sales"],
                 "setBotNode": "after_shipping", "replyText": "Thanks!"}"""));
        assertThat(copy.localizations()).extracting(TemplateLocalizationRequest::getLanguage).containsExactly("en", "he");
        JsonNode en = Json.of(copy.localizations().get(0));
        assertThat(en.get("components")).isEqualTo(listed.at("/provider_template/localizations/0/components"));
        assertThat(en.get("parameter_format").asText()).isEqualTo("NAMED");
        assertThat(en.get("defaults")).isEqualTo(listed.at("/defaults/en"));
        JsonNode he = Json.of(copy.localizations().get(1));
        assertThat(he.get("components")).isEqualTo(listed.at("/localizationDrafts/he/components"));
        assertThat(he.has("defaults")).isFalse();
        assertThat(he.has("parameter_format")).isFalse();
    }

    @Test
    void aCopyIsIndependentOfTheTemplateAndCanBeRenamed() throws IOException {
        Template template = TexterJson.mapper().readValue(NAMED_TEMPLATE, Template.class);

        NewTemplate copy = Templates.copyOf(template).name("order_shipped_v2").build();
        copy.localizations().get(0).getComponents().get(1).setText("changed");

        assertThat(copy.request().getName()).isEqualTo("order_shipped_v2");
        assertThat(template.getProviderTemplate().getLocalizations().get(0).getComponents().get(1).getText())
                .isEqualTo("Hi {{first_name}}, order {{order_id}} ships on {{ship_date}}.");
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // named variables
                rule("malformed named variable", () -> localize(l -> l.body("Hi {{First_Name}}.", Map.of("First_Name", "a"))),
                        "localizations[en].components[0].text", "has a malformed variable '{{First_Name}}'"),
                rule("variable with a space", () -> localize(l -> l.body("Hi {{first name}}.", Map.of("first name", "a"))),
                        "localizations[en].components[0].text", "has a malformed variable '{{first name}}'"),
                rule("positional and named in one body", () -> localize(l -> l.body("Hi {{1}} and {{name}}.", "a", "b")),
                        "localizations[en].components[0].text", "must not mix positional ({{1}}) and named ({{name}})"),
                rule("positional header with a named body", () -> localize(l -> l.textHeader("Order {{1}}", "A-1")
                                .body("Hi {{name}}.", Map.of("name", "a"))), "localizations[en].components[1].text",
                        "uses named variables but localizations[en].components[0].text uses positional ones"),
                rule("named variables without examples", () -> localize(l -> l.body("Hi {{name}}.", Map.of())),
                        "localizations[en].components[0].example.body_text_named_params",
                        "must have 1 example per named variable ({{name}}), was 0"),
                rule("example of an unused name", () -> localize(l -> l.body("Hi {{name}}.", ordered("name", "a", "other", "b"))),
                        "localizations[en].components[0].example.body_text_named_params[1].param_name",
                        "is 'other', which the text does not use; it uses [name]"),
                rule("blank named example", () -> localize(l -> l.body("Hi {{name}}.", Map.of("name", " "))),
                        "localizations[en].components[0].example.body_text_named_params[0].example", "must not be blank"),
                rule("a named variable without its example", () -> raw(TemplateParameterFormat.NAMED,
                                named(body("Hi {{a}} and {{b}}."), "a")),
                        "localizations[en].components[0].example.body_text_named_params", "has no example for [b]"),
                rule("a repeated named example", () -> raw(TemplateParameterFormat.NAMED,
                                named(body("Hi {{a}}."), "a", "a")),
                        "localizations[en].components[0].example.body_text_named_params[1].param_name", "repeats 'a'"),
                rule("named variables without parameter_format", () -> raw(null, named(body("Hi {{a}}."), "a")),
                        "localizations[en].parameter_format", "must be NAMED when the variables are named"),
                rule("NAMED without named variables", () -> raw(TemplateParameterFormat.NAMED, body("Hello.")),
                        "localizations[en].parameter_format", "must not be NAMED"),
                rule("unknown parameter_format", () -> raw(TemplateParameterFormat.UNKNOWN, body("Hello.")),
                        "localizations[en].parameter_format", "must be a value Texter documents, was UNKNOWN"),
                rule("named examples for positional variables", () -> raw(null, named(body("Hi {{1}}."), "a")),
                        "localizations[en].components[0].example.body_text_named_params",
                        "must be absent when the variables are positional; use body_text"),
                rule("named examples without variables", () -> raw(null, named(body("Hello."), "a")),
                        "localizations[en].components[0].example.body_text_named_params",
                        "must be absent when the text has no variables"),
                rule("named header without example", () -> localize(l -> l.textHeader("Order {{order_id}}", Map.of())
                                .body("b")), "localizations[en].components[0].example.header_text_named_params",
                        "must have 1 example per named variable ({{order_id}}), was 0"),
                rule("named header with a positional example", () -> localize(l -> l.textHeader("Order {{order_id}}", "A-1")
                                .body("b")), "localizations[en].components[0].example.header_text",
                        "must be absent when the variable is named"),
                rule("named header with two variables", () -> localize(l -> l.textHeader("{{a}} {{b}}",
                                Map.of("a", "x", "b", "y")).body("b")), "localizations[en].components[0].text",
                        "must have at most 1 variable"),
                rule("header example of a positional header given by name", () -> raw(null, new TemplateComponent()
                                .type(TemplateComponentType.HEADER).format(TemplateHeaderFormat.TEXT).text("Order {{1}}")
                                .example(new TemplateComponentExample().headerTextNamedParams(
                                        List.of(new TemplateNamedParameter().paramName("a").example("x")))), body("b")),
                        "localizations[en].components[0].example.header_text_named_params",
                        "must be absent unless the variable is named"),
                rule("named variable in a URL button", () -> localize(l -> l.body("Hi {{name}}!", Map.of("name", "a"))
                                .urlButton("Site", "https://example.com/{{code}}", "https://example.com/x")),
                        "localizations[en].components[1].buttons[0].url", "may only hold the positional variable {{1}}"),
                // AUTHENTICATION
                rule("authentication with a header", () -> otp(l -> l.textHeader("Your code").body("*{{1}}* is your code.", "1")),
                        "localizations[en].components[0]", "is a HEADER, which an AUTHENTICATION template cannot have"),
                rule("authentication with a media header", () -> otp(l -> l.mediaHeader(TemplateHeaderFormat.IMAGE,
                                "https://example.com/a.png").body("*{{1}}* is your code.", "1")),
                        "localizations[en].components[0]", "is a HEADER, which an AUTHENTICATION template cannot have"),
                rule("authentication body without the code", () -> otp(l -> l.body("Here is your code.")),
                        "localizations[en].components[0].text",
                        "of an AUTHENTICATION template must have exactly 1 variable (the code), had 0"),
                rule("authentication body with two variables", () -> otp(l -> l.body("*{{1}}* is your code, {{2}}.", "1", "a")),
                        "localizations[en].components[0].text", "must have exactly 1 variable (the code), had 2"),
                rule("authentication body with a URL", () -> otp(l -> l.body("*{{1}}* is your code for https://example.com.", "1")),
                        "localizations[en].components[0].text", "must not contain a URL (WhatsApp), found 'https://'"),
                rule("authentication body with a www address", () -> otp(l -> l.body("*{{1}}* is your code for WWW.example.com.", "1")),
                        "localizations[en].components[0].text", "must not contain a URL (WhatsApp), found 'WWW.'"),
                rule("authentication body with an emoji", () -> otp(l -> l.body("*{{1}}* is your code \uD83D\uDD10.", "1")),
                        "localizations[en].components[0].text", "must not contain emojis (WhatsApp), found '\uD83D\uDD10'"),
                rule("authentication body with a symbol emoji", () -> otp(l -> l.body("*{{1}}* is your code \u2705.", "1")),
                        "localizations[en].components[0].text", "must not contain emojis (WhatsApp)"),
                rule("authentication with a quick reply", () -> otp(l -> l.body("*{{1}}* is your code.", "1").quickReply("Thanks")),
                        "localizations[en].components[1].buttons[0].type",
                        "of an AUTHENTICATION template must be URL (how WhatsApp stores its OTP button), was QUICK_REPLY"),
                rule("authentication with a phone button", () -> otp(l -> l.body("*{{1}}* is your code.", "1")
                                .phoneButton("Call", "+972521234567")),
                        "localizations[en].components[1].buttons[0].type", "must be URL"),
                rule("authentication with two buttons", () -> otp(l -> l.body("*{{1}}* is your code.", "1")
                                .urlButton("Copy", "https://a.example/{{1}}", "https://a.example/1")
                                .urlButton("Help", "https://b.example")),
                        "localizations[en].components[1].buttons",
                        "of an AUTHENTICATION template must have at most 1 button (the OTP button), was 2"),
                rule("authentication rules in a draft too", () -> texter.createTemplateDraft(ACCOUNT,
                                Templates.newTemplate("Code", TemplateCategory.AUTHENTICATION, TemplateUsage.INBOX,
                                        ReplyChatStatus.RESOLVED).localization("en", l -> l.body("Your code."))),
                        "localizations[en].components[0].text", "must have exactly 1 variable (the code)"),
                rule("authentication rules on a raw localization", () -> TemplateRules.validate(
                                new TemplateLocalizationRequest().language("en").components(List.of(body("Your code."))),
                                TemplateCategory.AUTHENTICATION, ""),
                        "components[0].text", "must have exactly 1 variable (the code)"),
                // copies
                rule("copy of a BULK template", () -> Templates.copyOf(listed("\"chatStatus\": 4")), "chatStatus",
                        "is 4 (BULK), which a new template cannot have"),
                rule("copy without a category", () -> Templates.copyOf(TexterJson.mapper().readValue(
                                "{\"_id\": \"1\", \"name\": \"t\", \"usage\": \"inbox\", \"chatStatus\": 1}", Template.class)),
                        "provider_template.category", "is required"),
                rule("copy without usage", () -> Templates.copyOf(TexterJson.mapper().readValue(
                                "{\"_id\": \"1\", \"name\": \"t\", \"chatStatus\": 1, \"provider_template\": {\"category\": \"UTILITY\"}}",
                                Template.class)), "usage", "is required"),
                rule("copy whose localization breaks a rule", () -> texter.recreateTemplate(ACCOUNT, onlyDrafts(listed(
                                "\"chatStatus\": 0")).localizationDrafts(Map.of("en",
                                new com.texterchat.model.TemplateLocalizationDraft().language("en")
                                        .components(List.of(body("Hi {{2}}.")))))),
                        "localizations[en].components[0].text", "must number its variables from {{1}} without gaps"));
    }

    private static Template listed(String chatStatus) throws IOException {
        String json = NAMED_TEMPLATE.replace("\"chatStatus\": 0", chatStatus);
        return TexterJson.mapper().readValue(json, Template.class);
    }

    private static Template onlyDrafts(Template template) {
        template.getProviderTemplate().setLocalizations(null);
        return template;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void localize(Consumer<LocalizationBuilder> content) {
        texter.createAndSubmitTemplate(ACCOUNT, Templates.newTemplate("T", TemplateCategory.UTILITY,
                TemplateUsage.INBOX, ReplyChatStatus.PENDING).localization("en", content));
    }

    private static void otp(Consumer<LocalizationBuilder> content) {
        texter.createAndSubmitTemplate(ACCOUNT, Templates.newTemplate("Login code", TemplateCategory.AUTHENTICATION,
                TemplateUsage.INBOX, ReplyChatStatus.RESOLVED).localization("en", content));
    }

    private static void raw(@Nullable TemplateParameterFormat format, TemplateComponent... components) {
        NewTemplate valid = Templates.newTemplate("T", TemplateCategory.UTILITY, TemplateUsage.INBOX,
                ReplyChatStatus.PENDING).build();
        texter.createAndSubmitTemplate(ACCOUNT, new NewTemplate(valid.request(), List.of(new TemplateLocalizationRequest()
                .language("en").parameterFormat(format).components(List.of(components)))));
    }

    private static TemplateComponent body(String text) {
        return new TemplateComponent().type(TemplateComponentType.BODY).text(text);
    }

    private static TemplateComponent named(TemplateComponent component, String... names) {
        List<TemplateNamedParameter> examples = Stream.of(names)
                .map(n -> new TemplateNamedParameter().paramName(n).example("x")).toList();
        return component.example(new TemplateComponentExample().bodyTextNamedParams(examples));
    }
}
