package com.texterchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.api.ChatsApi;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.model.ChannelInfo;
import com.texterchat.model.Chat;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.webhook.WebhookPayloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phone numbers compared as Texter compares them, given the project's default country: every form of one contact
 * finds the stubbed chat, meets the stubbed refusal and counts as the same recipient; other numbers do not.
 */
@TexterTest
class PhoneNumbersTest {

    /** One Israeli mobile number in the forms Texter accepts for it. */
    private static final List<String> SAME_CONTACT =
            List.of("0521234567", "972521234567", "+972521234567", "+972 52-123-4567");
    /** A number of another country (the UK), with the same trailing digits as the Israeli one. */
    private static final String ANOTHER_COUNTRY = "+44 7521 234567";

    private static List<String> chatIdsFound(TexterClient client, String search) {
        return client.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(search)).getData().stream()
                .map(Chat::getId).toList();
    }

    @Test
    void everyFormOfTheNumberFindsTheSameStubbedChat(TexterMockServer texter, TexterClient client) {
        for (String stubbedAs : SAME_CONTACT) {
            texter.reset();
            Chat chat = texter.stubs().chatExists(stubbedAs);

            assertThat(chat.getChannelInfo().getId()).as("stored as Texter stores it").isEqualTo("972521234567");
            for (String searched : SAME_CONTACT) {
                assertThat(chatIdsFound(client, searched)).as("stubbed as %s, searched as %s", stubbedAs, searched)
                        .containsExactly(chat.getId());
            }
            assertThat(chatIdsFound(client, ANOTHER_COUNTRY)).as("another country's number")
                    .doesNotContain(chat.getId());
            assertThat(chatIdsFound(client, "Dana")).as("a search that is no number").doesNotContain(chat.getId());
        }
        assertThat(SAME_CONTACT.stream().map(phone -> texter.stubs().chatExists(phone).getId()).distinct())
                .as("one contact, one chat id").hasSize(1);
    }

    @Test
    void aChatStubbedWithAnotherCountrysNumberIsNotFoundByTheIsraeliOne(TexterMockServer texter,
            TexterClient client) {
        Chat uk = texter.stubs().chatExists(ANOTHER_COUNTRY);

        assertThat(uk.getChannelInfo().getId()).isEqualTo("447521234567");
        for (String israeli : SAME_CONTACT) {
            assertThat(chatIdsFound(client, israeli)).as(israeli).doesNotContain(uk.getId());
        }
        assertThat(chatIdsFound(client, "447521234567")).containsExactly(uk.getId());
    }

    @Test
    void noChatForAnswersEveryFormOfTheNumber(TexterMockServer texter, TexterClient client) {
        texter.stubs().noChatFor("+972 52-123-4567");

        for (String searched : SAME_CONTACT) {
            assertThat(chatIdsFound(client, searched)).as(searched).isEmpty();
        }
        assertThat(chatIdsFound(client, ANOTHER_COUNTRY)).as("the default answer").isNotEmpty();
    }

    @Test
    void templatesSentInAnyFormAreSentToTheSameRecipient(TexterMockServer texter, TexterClient client) {
        for (String to : SAME_CONTACT) {
            client.templates().sendTemplateMessage(new SendTemplateRequest().templateName("order_ready").to(to));
        }
        client.templates().sendTemplateMessage(new SendTemplateRequest().templateName("other").to(ANOTHER_COUNTRY));
        client.templates().sendTemplateMessage(new SendTemplateRequest().templateName("nobody").to("Dana Cohen"));   // not a number: matches no one

        for (String asked : SAME_CONTACT) {
            assertThat(texter.verify().templatesSentTo(asked)).as(asked)
                    .extracting(SendTemplateRequest::getTo).containsExactlyElementsOf(SAME_CONTACT);
        }
        assertThat(texter.verify().templateSentTo("447521234567").getTemplateName()).isEqualTo("other");
        texter.verify().noTemplateSentTo("+972 50-000-0001");
    }

    @Test
    void aRecipientWhoUnsubscribedIsRefusedInEveryForm(TexterMockServer texter, TexterClient client) {
        texter.stubs().recipientUnsubscribed("0521234567");

        for (String to : SAME_CONTACT) {
            assertThatThrownBy(() -> client.templates().sendTemplateMessage(
                    new SendTemplateRequest().templateName("order_ready").to(to))).as(to)
                    .isInstanceOf(TexterOperationFailedException.class);
        }
        assertThat(client.templates().sendTemplateMessage(
                new SendTemplateRequest().templateName("order_ready").to(ANOTHER_COUNTRY)).getSuccess()).isTrue();
        assertThat(client.templateSubscriptions().listUnsubscribedUsers(null, null))
                .singleElement().satisfies(user -> assertThat(user.getPhone()).isEqualTo("+972521234567"));
    }

    @Test
    void anotherDefaultCountryReadsTheNationalFormAsItsOwn() {
        try (TexterMockServer us = TexterMockServer.builder().defaultCountry("US").start()) {
            TexterClient client = us.client();
            Chat israeli = us.stubs().chatExists("+972521234567");
            Chat american = us.stubs().chatExists("(202) 555-0123");

            assertThat(us.defaultCountry()).isEqualTo("US");
            assertThat(chatIdsFound(client, "0521234567")).as("not Israeli in the US").doesNotContain(israeli.getId());
            assertThat(chatIdsFound(client, "972521234567")).as("international forms still are")
                    .containsExactly(israeli.getId());
            assertThat(american.getChannelInfo().getId()).isEqualTo("12025550123");
            assertThat(chatIdsFound(client, "+1 202-555-0123")).containsExactly(american.getId());

            client.templates().sendTemplateMessage(new SendTemplateRequest().templateName("t").to("0521234567"));
            us.verify().noTemplateSentTo("+972521234567");
        }
    }

    @Test
    void theDefaultCountryIsIsraelAndMustBeACountryCode(TexterMockServer texter) {
        assertThat(texter.defaultCountry()).isEqualTo("IL").isEqualTo(TexterMockServer.DEFAULT_COUNTRY);
        for (String bad : List.of("Israel", "ISR", "", "ZZ", "1")) {
            assertThatThrownBy(() -> TexterMockServer.builder().defaultCountry(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("defaultCountry must be an ISO 3166-1 alpha-2 country code")
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> TexterMockServer.builder().defaultCountry(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("defaultCountry");
        assertThat(TexterMockServer.builder().defaultCountry("gb")).hasToString("TexterMockServer.Builder[defaultCountry=GB]");
    }

    @Test
    void aPhoneThatIsNoNumberIsRefusedNamingTheParameter(TexterMockServer texter) {
        for (String bad : List.of("call me", "+", "12", "+999 1234567", "1234567890123456")) {
            assertThatThrownBy(() -> texter.stubs().chatExists(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("phone must be a phone number")
                    .hasMessageContaining("'" + bad + "'");
            assertThatThrownBy(() -> texter.verify().templatesSentTo(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("phone must be");
            assertThatThrownBy(() -> WebhookPayloads.newIncomingMessage().phone(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("phone must be");
        }
        Chat noNumber = new Chat().id("64b7f0c2a1b2c3d4e5f60718").channelInfo(new ChannelInfo().id("Dana"));
        assertThatThrownBy(() -> texter.stubs().chatExists(noNumber)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("chat.channelInfo.id must be a phone number").hasMessageContaining("'Dana'");
    }

    @Test
    void webhookPayloadsCarryTheNumberAsTexterDoes() {
        NewIncomingMessageEventData national = WebhookPayloads.newIncomingMessage().phone("052-123-4567").build()
                .eventData();
        NewIncomingMessageEventData american = WebhookPayloads.newIncomingMessage().phone("(202) 555-0123", "us")
                .build().eventData();

        assertThat(national.getChat().getChannelInfo().getId()).isEqualTo("972521234567");
        assertThat(national.getMessage().getChatChannelInfo().getId()).isEqualTo("972521234567");
        assertThat(american.getChat().getChannelInfo().getId()).isEqualTo("12025550123");
        assertThat(WebhookPayloads.newIncomingMessage().phone("0521234567", "GB").build().eventData().getChat()
                .getChannelInfo().getId()).as("a British national number").isEqualTo("44521234567");
        assertThatThrownBy(() -> WebhookPayloads.newIncomingMessage().phone("0521234567", "Israel"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultCountry")
                .hasMessageContaining("'Israel'");
    }
}
