package com.texterchat.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.TexterClient;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.ChannelInfo;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatPublicView;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.Label;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SendTemplateResponse;
import com.texterchat.model.Template;
import com.texterchat.model.UnsubscribedUser;
import com.texterchat.testkit.junit.TexterTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stubbing helpers, exercised through the generated client against the real server. */
@TexterTest
class TexterStubsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChatSearchResult search(TexterClient client, String text) {
        return client.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(text));
    }

    @Test
    void aChatThatExistsForAPhoneIsFoundBySearchAndByItsId(TexterMockServer texter, TexterClient client) {
        Chat chat = texter.stubs().chatExists("+972 52-111-2222");

        assertThat(chat.getChannelInfo().getId()).isEqualTo("972521112222");
        assertThat(chat.getId()).matches("[0-9a-f]{24}");
        assertThat(search(client, "972521112222").getData()).singleElement()
                .satisfies(found -> assertThat(found.getId()).isEqualTo(chat.getId()));
        assertThat(search(client, "+972521112222").getData()).extracting(Chat::getId).containsExactly(chat.getId());

        ChatPublicView view = client.chats().getChat(chat.getId());
        assertThat(view.getChannelInfo().getId()).isEqualTo("972521112222");
        assertThat(view.getTitle()).isEqualTo(chat.getTitle());
        assertThat(view.getSuccess()).isTrue();
    }

    @Test
    void theSamePhoneAlwaysGetsTheSameChatIdAndOtherPhonesKeepTheDefaultAnswer(TexterMockServer texter,
            TexterClient client) {
        ChatSearchResult defaultAnswer = search(client, "972500000000");
        Chat first = texter.stubs().chatExists("972521112222");
        Chat second = texter.stubs().chatExists("972521113333");

        assertThat(texter.stubs().chatExists("972521112222").getId()).isEqualTo(first.getId());
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(search(client, "972521113333").getData()).extracting(Chat::getId).containsExactly(second.getId());
        assertThat(search(client, "972500000000")).isEqualTo(defaultAnswer);
    }

    @Test
    void aCustomChatIsServedAsGiven(TexterMockServer texter, TexterClient client) {
        Chat mine = new Chat().id("my-chat-1").title("Dana").channelInfo(new ChannelInfo().id("447700900123"));

        texter.stubs().chatExists(mine);

        assertThat(search(client, "447700900123").getData()).singleElement()
                .satisfies(found -> assertThat(found.getTitle()).isEqualTo("Dana"));
        assertThat(client.chats().getChat("my-chat-1").getTitle()).isEqualTo("Dana");
    }

    @Test
    void aCustomChatIsServedWithEveryFieldItHolds(TexterMockServer texter, TexterClient client) throws Exception {
        // Fields the spec's example chat does not have (crmDeepLink, botState.id, labels), values it has
        // differently (externalBot, crmData), and one no schema declares (vipTier).
        Chat mine = TexterJson.mapper().readValue("""
                {"_id": "c-ext-1", "title": "Dana", "displayName": "Dana L.", "labels": ["l1"],
                 "channelInfo": {"name": "whatsapp", "id": "447700900123", "accountId": "972509876543"},
                 "externalBot": true, "crmData": {"tier": "gold", "orders": [15033, 15034]},
                 "crmDeepLink": "https://crm.example.com/contacts/88", "botState": {"id": "b-7"},
                 "last_message_timestamp": 1762012091000, "vipTier": "platinum"}
                """, Chat.class);
        JsonNode written = TexterJson.mapper().valueToTree(mine);

        Chat stubbed = texter.stubs().chatExists(mine);

        // Search Chats: the chat exactly as the SDK writes it.
        JsonNode searched = JSON.readTree(RawHttp.send("GET", texter.apiBaseUrl()
                + "/chats/search?search=447700900123", null).body()).path("data").path(0);
        assertThat(searched).isEqualTo(written);
        assertThat(searched.path("externalBot").asBoolean()).isTrue();
        assertThat(searched.path("vipTier").asText()).as("a property no schema declares").isEqualTo("platinum");
        assertThat(searched.path("crmData")).isEqualTo(JSON.readTree("{\"tier\":\"gold\",\"orders\":[15033,15034]}"));
        assertThat(searched.path("crmDeepLink").asText()).isEqualTo("https://crm.example.com/contacts/88");
        assertThat(TexterJson.mapper().<JsonNode>valueToTree(stubbed)).isEqualTo(written);
        assertThat(search(client, "447700900123").getData().get(0).getCrmData()).containsEntry("tier", "gold");

        // Get Chat by Chat ID: Texter's public view, which leaves out _id, labels, crmData and displayName only.
        JsonNode view = JSON.readTree(RawHttp.send("GET", texter.apiBaseUrl() + "/chats/c-ext-1", null).body());
        ObjectNode expected = JSON.createObjectNode().put("success", true);
        written.properties().forEach(field -> expected.set(field.getKey(), field.getValue()));
        expected.remove(List.of("_id", "labels", "crmData", "displayName", "last_message_timestamp"));
        expected.put("lastMessageTimestamp", 1762012091000L);
        assertThat(view).isEqualTo(expected);
        assertThat(view.has("_id") || view.has("crmData") || view.has("labels") || view.has("displayName")).isFalse();
        assertThat(view.path("externalBot").asBoolean()).isTrue();
        assertThat(view.path("vipTier").asText()).as("a property no schema declares").isEqualTo("platinum");
        assertThat(view.path("crmDeepLink").asText()).isEqualTo("https://crm.example.com/contacts/88");
        ChatPublicView read = client.chats().getChat("c-ext-1");
        assertThat(read.getExternalBot()).isTrue();
        assertThat(read.getLastMessageTimestamp()).isEqualTo(1762012091000L);
        assertThat(read.getBotState().getId()).isEqualTo("b-7");
    }

    @Test
    void theGetChatViewNarrowsBotStateToItsId(TexterMockServer texter) throws Exception {
        JsonNode chat = JSON.readTree("{\"_id\":\"c-bot\",\"channelInfo\":{\"id\":\"447700900124\"},"
                + "\"botState\":{\"id\":\"b-8\",\"node\":\"menu\",\"session\":{\"step\":3}}}");
        texter.stubs().chatExists(TexterJson.mapper().treeToValue(chat, Chat.class));

        JsonNode view = JSON.readTree(RawHttp.send("GET", texter.apiBaseUrl() + "/chats/c-bot", null).body());

        assertThat(view.path("botState")).isEqualTo(JSON.readTree("{\"id\":\"b-8\"}"));
    }

    @Test
    void aCustomChatNeedsAnIdAndAPhone(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.stubs().chatExists(new Chat().channelInfo(new ChannelInfo().id("972521112222"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chat._id");
        assertThatThrownBy(() -> texter.stubs().chatExists(new Chat().id("c1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chat.channelInfo.id");
        assertThatThrownBy(() -> texter.stubs().chatExists(new Chat().id("c1").channelInfo(new ChannelInfo().id("abc"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chat.channelInfo.id")
                .hasMessageContaining("'abc'");
    }

    @Test
    void phoneNumbersAreValidated(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.stubs().chatExists("call me"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone").hasMessageContaining("'call me'");
        assertThatThrownBy(() -> texter.stubs().noChatFor("+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> texter.stubs().recipientUnsubscribed("1234567890123456"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone")
                .hasMessageContaining("'1234567890123456'").hasMessageContaining("too long");
    }

    @Test
    void noChatForAPhoneMakesSearchFindNothing(TexterMockServer texter, TexterClient client) {
        texter.stubs().noChatFor("972529999999");

        ChatSearchResult result = search(client, "972529999999");

        assertThat(result.getTotal()).isZero();
        assertThat(result.getData()).isEmpty();
    }

    @Test
    void aRecipientWhoUnsubscribedGetsSuccessFalseInsideA200(TexterMockServer texter, TexterClient client) {
        texter.stubs().recipientUnsubscribed("972521234567");
        texter.stubs().recipientUnsubscribed("972520000001");

        assertThatThrownBy(() -> client.templates().sendTemplateMessage(
                new SendTemplateRequest().templateName("order_ready").to("+972521234567")))
                .isInstanceOfSatisfying(TexterOperationFailedException.class,
                        refused -> assertThat(refused.error()).containsIgnoringCase("unsubscribed"));
        SendTemplateResponse sent = client.templates().sendTemplateMessage(
                new SendTemplateRequest().templateName("order_ready").to("972529999999"));

        assertThat(sent.getSuccess()).isTrue();
        assertThat(client.templateSubscriptions().listUnsubscribedUsers(null, null))
                .extracting(UnsubscribedUser::getPhone).containsExactly("+972521234567", "+972520000001");
        assertThat(client.templateSubscriptions().listUnsubscribedUsersByAccount("972509876543", null, null))
                .hasSize(2);
    }

    @Test
    void theTemplatesTheAccountHas(TexterMockServer texter, TexterClient client) {
        List<Template> named = texter.stubs().templatesNamed("order_ready", "welcome_2");

        List<Template> listed = client.templates().listTemplates(null, null, null, null);

        assertThat(listed).extracting(Template::getName).containsExactly("order_ready", "welcome_2");
        assertThat(listed.get(0).getProviderTemplate().getName()).isEqualTo("order_ready");
        assertThat(listed.get(0).getProviderTemplate().getLocalizations()).isNotEmpty();
        assertThat(listed).isEqualTo(named);

        texter.stubs().templates(new Template().id("64f0c1a2b3c4d5e6f7a8b9c0").name("only_one"));
        assertThat(client.templates().listTemplates(null, null, null, null)).extracting(Template::getName)
                .containsExactly("only_one");
    }

    @Test
    void templateNamesAreValidatedLikeTexterDoesAtCreation(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.stubs().templatesNamed("order-ready"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'order-ready'")
                .hasMessageContaining("[a-zA-Z0-9_]");
    }

    @Test
    void theLabelsOfTheAccount(TexterMockServer texter, TexterClient client) {
        texter.stubs().labels(new Label().id("vip").name("VIP").color("#ffd700"), new Label().id("late").name("Late"));

        assertThat(client.labels().listLabels(null, null).getLabels()).extracting(Label::getId).containsExactly("vip", "late");
        assertThat(client.labels().listLabels(null, null).getTotal()).isEqualTo(2);
        assertThat(client.labels().getLabel("late").getName()).isEqualTo("Late");
        assertThatThrownBy(() -> texter.stubs().labels(new Label().name("no id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label.id");
    }

    @Test
    void anotherNamedExampleOfTheSpecCanBeTheAnswer(TexterMockServer texter, TexterClient client) {
        assertThat(texter.stubs().exampleNames("sendTemplateMessage")).containsExactly("sent", "unsubscribed");

        texter.stubs().answerWithExample("sendTemplateMessage", "unsubscribed");

        assertThatThrownBy(() -> client.templates().sendTemplateMessage(new SendTemplateRequest().templateName("x").to("972521234567")))
                .isInstanceOf(TexterOperationFailedException.class);
        assertThatThrownBy(() -> texter.stubs().answerWithExample("sendTemplateMessage", "blocked"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'blocked'")
                .hasMessageContaining("sent, unsubscribed");
    }

    @Test
    void anyModelOrTextCanBeTheAnswer(TexterMockServer texter, TexterClient client) {
        texter.stubs().answer("getLabel", new Label().id("x").name("Custom"));
        texter.stubs().answer("deleteLabel", "OK");
        texter.stubs().answer("getLabel", new Label().id("y").name("Replaced again"));

        assertThat(client.labels().getLabel("any").getName()).isEqualTo("Replaced again");
        assertThat(client.labels().deleteLabel("any")).isEqualTo("OK");
        assertThat(texter.wireMock().getStubMappings().stream()
                .filter(s -> s.getMetadata() != null && "getLabel".equals(s.getMetadata().getString("texterOperation"))))
                .hasSize(1);
    }

    @Test
    void specificAnswersWinOverTheGeneralAnswerWhateverTheOrder(TexterMockServer texter, TexterClient client) {
        texter.stubs().recipientUnsubscribed("972521234567");
        texter.stubs().answer("sendTemplateMessage", new SendTemplateResponse().success(true).messageId("m-1"));

        assertThatThrownBy(() -> client.templates().sendTemplateMessage(
                new SendTemplateRequest().templateName("x").to("972521234567")))
                .isInstanceOf(TexterOperationFailedException.class);
        assertThat(client.templates().sendTemplateMessage(new SendTemplateRequest().templateName("x").to("972500000000"))
                .getMessageId()).isEqualTo("m-1");
    }

    @Test
    void rawWireMockStubsCanStartFromAnOperationsRoute(TexterMockServer texter, TexterClient client) {
        texter.wireMock().stubFor(texter.stubs().route("getChat")
                .withHeader("Authorization", equalTo("Bearer " + TexterMockServer.TOKEN))
                .willReturn(okJson("{\"success\":true,\"title\":\"From a raw stub\"}")));

        assertThat(client.chats().getChat("c1").getTitle()).isEqualTo("From a raw stub");
        assertThat(client.labels().getLabel("VIP").getId()).isNotBlank(); // other operations keep their answers
    }
}
