package com.texterchat.examples.readme;

import com.texterchat.Texter;
import com.texterchat.api.ChatsApi;
import com.texterchat.client.HttpLogLevel;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterAttempt;
import com.texterchat.client.TexterClient;
import com.texterchat.client.TexterListener;
import com.texterchat.client.TexterResponse;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.client.error.TexterRateLimitedException;
import com.texterchat.client.micrometer.TexterMetrics;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.dsl.TemplateSubmission;
import com.texterchat.dsl.message.Messages;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.dsl.template.Templates;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatPublicView;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.Label;
import com.texterchat.model.Message;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.SubscriptionImportStatus;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateUsage;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/**
 * The Java snippets of the root README.md, verbatim between the {@code readme:start}/{@code readme:end} markers
 * (texter-build-checks compares them with the README). Each sits in a method that takes what it needs as
 * parameters; {@link ReadmeSnippetsTest} runs them against the test kit where that is possible without a real
 * Texter project.
 */
final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /** Stands for the application's CRM in the paging snippet. */
    interface Crm {
        void update(String phone, Map<String, Object> crmData);
    }

    /** Quick start: connecting (not run by the test: it would reach demo.texterchat.com). */
    static Texter connect() {
        // readme:start quick-start-connect
        Texter texter = Texter.connect("demo", System.getenv("TEXTER_API_TOKEN"));   // https://demo.texterchat.com
        // readme:end
        return texter;
    }

    /** Quick start: find a chat, answer in it, send a template. */
    static void quickStart(Texter texter) {
        // readme:start quick-start
        // find the customer's chat by phone number and answer in it (checked before anything is sent)
        ChatSearchResult found = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("972521234567"));
        String chatId = found.getData().get(0).getId();
        texter.sendText(chatId, "Your order is ready for pick-up.");

        // outside WhatsApp's 24-hour window, send an approved template instead
        texter.sendTemplate(Templates.send("order_ready", "972521234567").language("en").body("Roy", "15033"));
        // readme:end
    }

    /** Client: every setting of the builder. */
    static Texter configured(String token) {
        // readme:start client-builder
        TexterClient client = TexterClient.builder()
                .projectId("demo")                               // letters, digits, hyphens: nothing else can become the host
                .token(token)
                .connectTimeout(Duration.ofSeconds(5))           // defaults: 10 s connect, 30 s for the whole response
                .readTimeout(Duration.ofSeconds(20))
                .retryPolicy(RetryPolicy.builder().maxRetries(3).build())   // default 2; RetryPolicy.disabled() for none
                .logLevel(HttpLogLevel.BASIC)                    // default NONE
                .build();
        Texter texter = Texter.of(client);
        // readme:end
        return texter;
    }

    // Client: the failures a send can end in.
    // readme:start client-errors
    static String sendOrderReady(Texter texter, String phone) {
        try {
            texter.sendTemplate(Templates.send("order_ready", phone).body("Roy", "15033"));
            return "sent";
        } catch (TexterOperationFailedException refused) {   // HTTP 200 with "success": false
            return "refused: " + refused.error();            // e.g. the recipient unsubscribed from templates
        } catch (TexterRateLimitedException limited) {       // 429 after the retries, or a longer Retry-After
            return "rate limited, try again in " + limited.retryAfter().map(Duration::toSeconds).orElse(60L) + " s";
        } catch (TexterIoException noAnswer) {               // no answer: a send is never repeated, it may have arrived
            return noAnswer.isTimeout() ? "timed out" : "no answer";
        }
    }
    // readme:end

    /** Client: a view with other options for one call, and a new client from this one's settings. */
    static TexterClient options(Texter texter, String chatId, String requestId) {
        // readme:start client-options
        // a view with other options: it shares the client's connections and threads, so one per request is fine
        texter.withOptions(o -> o.callTimeout(Duration.ofSeconds(5))
                        .retryPolicy(r -> r.maxRetries(0))           // starts from the client's policy
                        .header("X-Request-Id", requestId))
                .sendText(chatId, "Your order is ready for pick-up.");

        // an independent client: every setting of this one, plus a header on each call
        TexterClient tagged = texter.client().toBuilder().defaultHeader("X-Tenant", "shop-42").build();
        // readme:end
        return tagged;
    }

    /** What the raw-response snippet read, for its test. */
    record RawAnswer(int status, Optional<String> requestId, byte[] json, ChatPublicView chat) {
    }

    /** Client: the whole answer of a call. */
    static RawAnswer rawResponse(Texter texter, String chatId) {
        // readme:start client-raw-response
        TexterResponse<ChatPublicView> response = texter.withRawResponse(t -> t.chats().getChat(chatId));
        int status = response.status();                                  // 200
        Optional<String> requestId = response.header("X-Request-Id");    // any header, its name in any case
        byte[] json = response.rawBody();                                // the bytes as Texter sent them, gzip undone
        ChatPublicView chat = response.body();                           // what getChat itself returns
        // readme:end
        return new RawAnswer(status, requestId, json, chat);
    }

    // Client: the headers of an error answer.
    // readme:start client-error-headers
    static Optional<String> retryAfter(Texter texter, String chatId) {
        try {
            texter.chats().getChat(chatId);
            return Optional.empty();
        } catch (TexterHttpException failed) {
            return failed.header("Retry-After");   // headers() holds them all, e.g. a request id for Texter's support
        }
    }
    // readme:end

    /** Client: a proxy that wants a password, and the trust of a TLS-inspecting one (not run: it would go out). */
    static TexterClient behindAProxy(String token, SSLContext corporateTrust, String proxyPassword) {
        // readme:start client-http
        TexterClient client = TexterClient.builder()
                .projectId("demo")
                .token(token)
                .httpClient(http -> http.proxy(ProxySelector.of(new InetSocketAddress("proxy.corp.example", 3128)))
                        .sslContext(corporateTrust)                  // e.g. trusting the proxy's own CA
                        .version(HttpClient.Version.HTTP_1_1))
                .proxyCredentials("svc-texter", proxyPassword)       // Basic, sent to the proxy only
                .build();
        // readme:end
        return client;
    }

    /** Client: asynchronous calls and paging. */
    static List<CompletableFuture<?>> async(Texter texter, String chatId) {
        // readme:start client-async
        CompletableFuture<ChatSearchResult> found = texter.async().chats()
                .searchChats(new ChatsApi.SearchChatsQueryParams().search("972521234567"));
        CompletableFuture<String> title = texter.async().chats().getChat(chatId)
                .handle((chat, error) -> error == null ? chat.getTitle()                 // error: the TexterException
                        : error instanceof TexterNotFoundException ? "no such chat" : "failed: " + error.getMessage());
        CompletableFuture<List<Label>> labels = texter.async().paging().listLabels().collect(500);   // page by page
        found.cancel(true);                                          // aborts the exchange if it is still under way
        // readme:end
        return List.of(found, title, labels);
    }

    /** Client: Micrometer meters and a listener of its own. */
    static TexterClient observed(Texter texter, MeterRegistry registry, List<String> retries) {
        // readme:start client-listeners
        TexterClient client = texter.client().toBuilder()
                .listener(TexterMetrics.of(registry))     // timers texter.client.calls and .attempts, counter .retries
                .listener(new TexterListener() {
                    @Override
                    public void onAttempt(TexterAttempt attempt) {    // operation, path template, status, decision
                        if (attempt.decision() == TexterAttempt.Decision.RETRY) {
                            retries.add(attempt.operation() + " " + attempt.pathTemplate() + ": " + attempt.outcome());
                        }
                    }
                })
                .build();
        // readme:end
        return client;
    }

    /** Client: paged lists. */
    static List<Message> paging(Texter texter, Crm crm, String vipLabelId, String chatId) {
        // readme:start client-paging
        // every chat with the label, each page requested only when the loop reaches it (limit = page size)
        for (Chat chat : texter.paging().searchChats(new ChatsApi.SearchChatsQueryParams().labels(Set.of(vipLabelId)))) {
            crm.update(chat.getChannelInfo().getId(), chat.getCrmData());   // channelInfo.id: the phone
        }
        // a chat's history, newest first (paged with beforeTime/beforeId)
        List<Message> latest = texter.paging().getChatMessages(chatId).stream().limit(50).toList();
        // readme:end
        return latest;
    }

    /** Client: a webhook delivery. */
    static void onWebhook(Texter texter, byte[] requestBody) {
        // readme:start client-webhooks
        WebhookEvent event = TexterWebhooks.parse(requestBody);   // InvalidWebhookException (answer 400) if it is none
        event.dataAs(NewIncomingMessageEventData.class)
                .ifPresent(incoming -> texter.sendText(incoming.getChat().getId(), "Thanks, we will be right with you."));
        // readme:end
    }

    /** DSL: a list message and a template with values. */
    static void dslMessages(Texter texter, String chatId) {
        // readme:start dsl-messages
        texter.sendMessage(chatId, Messages.list("How can we help?", "Choose")
                .section("Support", s -> s.row("Technical issue", "1").row("Billing", "2", "Invoices and payments")));

        texter.sendTemplate(Templates.send("inbox_marketing_95", "0521234567").language("he").body("Roy", "15033"));
        // readme:end
    }

    /** DSL: the template workflow. */
    static TemplateSubmission dslTemplate(Texter texter) {
        // readme:start dsl-template
        // create -> localize -> submit, language by language; the name Texter assigns is used when none is given
        TemplateSubmission submitted = texter.createAndSubmitTemplate("972586640430",
                Templates.newTemplate("Order shipped", TemplateCategory.UTILITY, TemplateUsage.INBOX, ReplyChatStatus.PENDING)
                        .localization("en", l -> l.body("Hi {{1}}, order {{2}} is on its way.", "John", "A-1001")
                                .urlButton("Track", "https://example.com/track/{{1}}", "https://example.com/track/A-1001")));
        // readme:end
        return submitted;
    }

    /** DSL: a ready-made webhook subscription. */
    static void dslSubscription(Texter texter) {
        // readme:start dsl-subscription
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages("https://crm.example.com/texter/webhook")
                .asStatus(SubscriptionImportStatus.INACTIVE));
        // readme:end
    }
}
