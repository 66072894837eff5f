package com.texterchat.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.dsl.InvalidRequestException;
import com.texterchat.dsl.message.Messages;
import com.texterchat.model.Chat;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.Message;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.SubscriptionImportStatus;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.webhook.WebhookPayloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's Java snippets ({@link ReadmeSnippets}) against the test kit and checks what Texter received. */
@TexterTest
class ReadmeSnippetsTest {

    private static final String PHONE = "972521234567";

    @Test
    void quickStartAnswersInTheCustomersChatAndSendsTheTemplate(TexterMockServer server, Texter texter) {
        Chat chat = server.stubs().chatExists(PHONE);

        ReadmeSnippets.quickStart(texter);

        assertThat(server.verify().messageSentToChat(chat.getId()).getText()).isEqualTo("Your order is ready for pick-up.");
        SendTemplateRequest template = server.verify().templateSentTo(PHONE);
        assertThat(template.getTemplateName()).isEqualTo("order_ready");
        assertThat(template.getLanguage()).isEqualTo("en");
        assertThat(template.getBody()).containsExactly("Roy", "15033");
    }

    @Test
    void theBuilderSnippetConfiguresWhatItsCommentsSay() {
        Texter texter = ReadmeSnippets.configured("a-long-token");

        assertThat(texter.client().baseUrl()).hasToString("https://demo.texterchat.com/server/api/v2");
        assertThat(texter.client().retryPolicy().maxRetries()).isEqualTo(3);
        assertThat(texter.toString()).doesNotContain("a-long-token").contains("logLevel=BASIC");
    }

    @Test
    void theErrorSnippetTellsEachOutcomeApart(TexterMockServer server, Texter texter) {
        assertThat(ReadmeSnippets.sendOrderReady(texter, "972500000001")).isEqualTo("sent");

        server.stubs().recipientUnsubscribed("972500000002");
        assertThat(ReadmeSnippets.sendOrderReady(texter, "972500000002")).startsWith("refused: ")
                .containsIgnoringCase("unsubscribed");

        // Longer than the 30 s the default policy waits: the call ends at once with the wait Texter asked for.
        server.fault("sendTemplateMessage").times(1).rateLimited(Duration.ofSeconds(120));
        assertThat(ReadmeSnippets.sendOrderReady(texter, "972500000003")).isEqualTo("rate limited, try again in 120 s");

        server.fault("sendTemplateMessage").times(1).connectionReset();
        assertThat(ReadmeSnippets.sendOrderReady(texter, "972500000004")).isEqualTo("no answer");
        assertThat(server.verify().requests("sendTemplateMessage")).extracting(ReceivedRequest::responseStatus)
                .as("one request per send: a reset POST is not repeated").hasSize(4);
    }

    @Test
    void theRuleMessageTheReadmeQuotesIsTheDslsOwn() {
        assertThatThrownBy(() -> Messages.buttons("Was this helpful?").button("x".repeat(21), "yes").build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("buttons[0].title must be 1-20 characters, was 21");
    }

    @Test
    void thePagingSnippetReadsEveryChatOfTheLabelAndTheLatestMessages(TexterMockServer server, Texter texter) {
        List<String> synced = new ArrayList<>();
        ReadmeSnippets.Crm crm = (phone, crmData) -> synced.add(phone);

        List<Message> latest = ReadmeSnippets.paging(texter, crm, "label-vip", "chat-1");

        assertThat(synced).isNotEmpty();
        assertThat(server.verify().requests("searchChats")).first()
                .satisfies(request -> assertThat(request.queryParameters("labels[]")).containsExactly("label-vip"));
        assertThat(latest).isNotEmpty().hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void theWebhookSnippetAnswersAnIncomingMessage(TexterMockServer server, Texter texter) {
        byte[] delivery = WebhookPayloads.newIncomingMessage().chatId("chat-77").text("Hello?").build().bytes();

        ReadmeSnippets.onWebhook(texter, delivery);

        assertThat(server.verify().messageSentToChat("chat-77").getText()).isEqualTo("Thanks, we will be right with you.");
    }

    @Test
    void theDslSnippetsSendCheckedBodies(TexterMockServer server, Texter texter) {
        ReadmeSnippets.dslMessages(texter, "chat-9");

        SessionMessage menu = server.verify().messageSentToChat("chat-9");
        assertThat(menu.getType()).isEqualTo(OutgoingMessageType.LIST);
        assertThat(menu.getText()).isEqualTo("How can we help?");
        assertThat(server.verify().templateSentTo("0521234567").getLanguage()).isEqualTo("he");

        assertThat(ReadmeSnippets.dslTemplate(texter).submittedLanguages()).containsExactly("en");
        assertThat(server.verify().count("createTemplate")).isEqualTo(1);
        assertThat(server.verify().count("upsertTemplateLocalization")).isEqualTo(1);
        assertThat(server.verify().count("submitTemplateLocalization")).isEqualTo(1);

        ReadmeSnippets.dslSubscription(texter);
        ImportSubscriptionRequest imported = server.verify().bodies("importSubscription", ImportSubscriptionRequest.class)
                .get(0);
        assertThat(imported.getAsStatus()).isEqualTo(SubscriptionImportStatus.INACTIVE);
    }
}
