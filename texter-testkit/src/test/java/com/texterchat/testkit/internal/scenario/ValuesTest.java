package com.texterchat.testkit.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ##provide} injections and {@code %provider:key%} interpolations. */
class ValuesTest {

    private static final Map<String, JsonNode> PROVIDERS = Map.of(
            "chat", json("""
                    {"chat": {"_id": "c1", "title": "John", "agent": {"uid": "u-1"}, "labels": ["VIP", "new"],
                              "crmData": null, "unreadCount": 3},
                     "externalBot": false}"""),
            "messageStatusRequest", json("""
                    {"ids": ["wamid.1"], "status": 4, "timestamp": 1761574716050, "error": null,
                     "chat": {"id": "972521234567", "accountId": "972509876543", "name": "whatsapp"}}"""));

    @Test
    void provideInjectsTheTypedValueAtADottedKey() {
        assertThat(resolve("{\"##provide\": {\"provider\": \"chat\", \"key\": \"chat\"}}"))
                .isEqualTo(PROVIDERS.get("chat").get("chat"));
        assertThat(resolve("{\"a\": {\"##provide\": {\"provider\": \"messageStatusRequest\", \"key\": \"chat.id\"}},"
                + " \"b\": {\"##provide\": {\"provider\": \"chat\", \"key\": \"externalBot\"}},"
                + " \"c\": {\"##provide\": {\"provider\": \"messageStatusRequest\", \"key\": \"status\"}},"
                + " \"d\": {\"##provide\": {\"provider\": \"chat\", \"key\": \"chat.labels.1\"}}}"))
                .isEqualTo(json("{\"a\": \"972521234567\", \"b\": false, \"c\": 4, \"d\": \"new\"}"));
    }

    @Test
    void aMissingValueDropsItsKeyAndANullStays() {
        assertThat(resolve("{\"gone\": {\"##provide\": {\"provider\": \"agent\", \"key\": \"_id\"}},"
                + " \"alsoGone\": {\"##provide\": {\"provider\": \"chat\", \"key\": \"chat.nope.deeper\"}},"
                + " \"interpolatedGone\": \"%agent:email%\","
                + " \"crm\": {\"##provide\": {\"provider\": \"chat\", \"key\": \"chat.crmData\"}},"
                + " \"error\": \"%messageStatusRequest:error%\","
                + " \"list\": [{\"##provide\": {\"provider\": \"agent\", \"key\": \"_id\"}}, 1]}"))
                .isEqualTo(json("{\"crm\": null, \"error\": null, \"list\": [null, 1]}"));
    }

    @Test
    void literalKeysBesideProvideAreLaidOverTheProvidedObject() {
        assertThat(resolve("{\"##provide\": {\"provider\": \"messageStatusRequest\", \"key\": \"chat\"},"
                + " \"name\": \"telegram\", \"extra\": \"%chat:chat._id%\"}"))
                .isEqualTo(json("{\"id\": \"972521234567\", \"accountId\": \"972509876543\", \"name\": \"telegram\","
                        + " \"extra\": \"c1\"}"));
    }

    @Test
    void aWholeStringPlaceholderKeepsTheValuesType() {
        assertThat(resolve("\"%chat:chat%\"")).isEqualTo(PROVIDERS.get("chat").get("chat"));
        assertThat(resolve("\"%messageStatusRequest:ids%\"")).isEqualTo(json("[\"wamid.1\"]"));
        assertThat(resolve("\"%messageStatusRequest:status%\"")).isEqualTo(json("4"));
        assertThat(resolve("\"%chat:externalBot%\"")).isEqualTo(json("false"));
    }

    @Test
    void whatARequestSendsCarriesAWholeStringPlaceholderAsAString() {
        JsonNode sent = Values.resolveForDelivery(json("""
                {"messageStatus": "%messageStatusRequest:status%", "externalId": "%messageStatusRequest:ids%",
                 "timestamp": "%messageStatusRequest:timestamp%", "error": "%messageStatusRequest:error%",
                 "typed": {"##provide": {"provider": "messageStatusRequest", "key": "status"}},
                 "parsed": "%messageStatusRequest:status|toString|parseInt%", "gone": "%agent:email%"}"""), PROVIDERS);
        assertThat(sent).isEqualTo(json("""
                {"messageStatus": "4", "externalId": "wamid.1", "timestamp": "1761574716050", "error": null,
                 "typed": 4, "parsed": 4}"""));
        JsonNode object = Values.resolveForDelivery(json("{\"c\": \"%chat:chat%\"}"), PROVIDERS).get("c");
        assertThat(object.isTextual()).isTrue();
        assertThat(json(object.textValue())).isEqualTo(PROVIDERS.get("chat").get("chat"));
        // conditions still see the value itself
        assertThat(resolve("\"%chat:chat%\"")).isEqualTo(PROVIDERS.get("chat").get("chat"));
    }

    @Test
    void aPlaceholderInsideTextBecomesText() {
        assertThat(resolve("\"Chat %chat:chat._id% (%chat:chat.unreadCount% unread, bot %chat:externalBot%,"
                + " labels %chat:chat.labels%, error [%messageStatusRequest:error%], agent [%agent:uid%])\""))
                .isEqualTo(json("\"Chat c1 (3 unread, bot false, labels [\\\"VIP\\\",\\\"new\\\"], error [],"
                        + " agent [])\""));
    }

    @Test
    void theUsersPlaceholdersAndTextThatIsNoPlaceholderStay() {
        assertThat(resolve("{\"url\": \"{{yourWebhookURL}}\", \"p\": \"50% off, 100%\", \"q\": \"a=%3Ab%25\"}"))
                .isEqualTo(json("{\"url\": \"{{yourWebhookURL}}\", \"p\": \"50% off, 100%\", \"q\": \"a=%3Ab%25\"}"));
    }

    @Test
    void transformersChangeTheValue() {
        assertThat(resolve("{\"a\": \"%chat:chat.unreadCount|toString%\","
                + " \"b\": \"%chat:chat.unreadCount|toString|parseInt%\","
                + " \"c\": \"%chat:chat.labels|join(\\\", \\\")%\","
                + " \"d\": \"%chat:chat.labels|length%\","
                + " \"e\": \"%chat:chat.title|toUpperCase%\","
                + " \"f\": \"%chat:chat.title|toLowerCase|split(\\\"h\\\")%\","
                + " \"g\": \"%chat:chat.agent|toJson%\","
                + " \"h\": \"%chat:chat.agent|toJson|jsonParse%\","
                + " \"i\": \"x%chat:chat.title|trim%x\"}"))
                .isEqualTo(json("{\"a\": \"3\", \"b\": 3, \"c\": \"VIP, new\", \"d\": 2, \"e\": \"JOHN\","
                        + " \"f\": [\"jo\", \"n\"], \"g\": \"{\\\"uid\\\":\\\"u-1\\\"}\", \"h\": {\"uid\": \"u-1\"},"
                        + " \"i\": \"xJohnx\"}"));
    }

    @Test
    void anUnknownTransformerIsRefusedNamingIt() {
        assertThatThrownBy(() -> Values.checkPlaceholders("%chat:chat.title|hbTpl(\"x\")%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("transformer |hbTpl is not one the simulator runs");
        assertThatThrownBy(() -> Values.checkPlaceholders("%chat:chat.title|join(\"x\"%"))
                .hasMessageContaining("malformed transformer |join(\"x\"");
    }

    private static JsonNode resolve(String template) {
        return Values.resolve(json(template), PROVIDERS);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
