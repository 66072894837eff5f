package com.texterchat.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.texterchat.Texter;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterRateLimitedException;
import com.texterchat.client.micrometer.TexterMetrics;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
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

    @Test
    void theOptionsSnippetSendsWithTheViewsOptionsAndTheNewClientWithItsHeader(TexterMockServer server, Texter texter) {
        try (TexterClient tagged = ReadmeSnippets.options(texter, "chat-5", "rq-1")) {
            assertThat(server.verify().requests("sendMessage")).singleElement()
                    .satisfies(request -> assertThat(request.header("X-Request-Id")).contains("rq-1"));

            tagged.chats().getChat("chat-5");
            assertThat(server.verify().requests("getChat")).singleElement().satisfies(request -> {
                assertThat(request.header("X-Tenant")).contains("shop-42");
                assertThat(request.header("Authorization")).isPresent();     // the token came along with toBuilder()
            });
        }
        // maxRetries(0): the 429 that the client's own policy would wait out ends the call at once
        server.fault("sendMessage").times(1).rateLimited(Duration.ofSeconds(1));
        assertThatThrownBy(() -> ReadmeSnippets.options(texter, "chat-5", "rq-2").close())
                .isInstanceOf(TexterRateLimitedException.class);
        assertThat(server.verify().count("sendMessage")).isEqualTo(2);
    }

    @Test
    void theRawResponseSnippetReadsStatusHeadersBytesAndModel(TexterMockServer server, Texter texter) {
        String body = "{\"success\":true,\"title\":\"Niv\"}";
        server.wireMock().stubFor(server.stubs().route("getChat").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "rq-9").withBody(body)));

        ReadmeSnippets.RawAnswer answer = ReadmeSnippets.rawResponse(texter, "chat-5");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.requestId()).contains("rq-9");
        assertThat(new String(answer.json(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(answer.chat().getTitle()).isEqualTo("Niv");
    }

    @Test
    void theErrorHeadersSnippetReadsTheRetryAfterOfA429(TexterMockServer server, Texter texter) {
        assertThat(ReadmeSnippets.retryAfter(texter, "chat-5")).isEmpty();

        server.fault("getChat").times(1).rateLimited(Duration.ofSeconds(120));   // longer than the policy waits
        assertThat(ReadmeSnippets.retryAfter(texter, "chat-5")).contains("120");
    }

    @Test
    void theProxySnippetBuildsAClientThatKeepsThePasswordToItself() throws Exception {
        try (TexterClient client = ReadmeSnippets.behindAProxy("a-long-token", SSLContext.getDefault(), "pr0xy-s3cret")) {
            assertThat(client.baseUrl()).hasToString("https://demo.texterchat.com/server/api/v2");
            assertThat(client.toString()).doesNotContain("pr0xy-s3cret").doesNotContain("a-long-token");
        }
    }

    @Test
    void theAsyncSnippetCompletesCancelsAndTurnsA404IntoAnAnswer(TexterMockServer server, Texter texter)
            throws Exception {
        server.fault("searchChats").latency(Duration.ofSeconds(3));    // still under way when the snippet cancels it

        List<CompletableFuture<?>> futures = ReadmeSnippets.async(texter, "chat-5");

        assertThat(futures.get(0)).isCancelled();
        assertThat(futures.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(texter.chats().getChat("chat-5").getTitle());
        assertThat((List<?>) futures.get(2).get(10, TimeUnit.SECONDS)).isNotEmpty();

        server.fault("getChat").status(404);
        assertThat(ReadmeSnippets.async(texter, "chat-6").get(1).get(10, TimeUnit.SECONDS)).isEqualTo("no such chat");
    }

    @Test
    void theListenerSnippetRecordsMetersAndSeesTheRetry(TexterMockServer server, Texter texter) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> retries = new CopyOnWriteArrayList<>();
        server.fault("searchChats").times(1).status(503);

        try (TexterClient client = ReadmeSnippets.observed(texter, registry, retries)) {
            client.chats().searchChats(null);
        }

        assertThat(retries).containsExactly("searchChats /chats/search: SERVER_ERROR");
        assertThat(registry.get(TexterMetrics.CALLS).tag("operation", "searchChats").tag("outcome", "SUCCESS")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(TexterMetrics.ATTEMPTS).tag("uri", "/chats/search").timers())
                .extracting(timer -> timer.getId().getTag("status")).containsExactlyInAnyOrder("503", "200");
        assertThat(registry.get(TexterMetrics.RETRIES).counter().count()).isEqualTo(1.0);
    }
}
