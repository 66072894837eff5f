package com.texterchat.dsl.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.SubscriptionImportStatus;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adding a webhook secret to a subscription's request actions: as a header, in the URL, generated. */
class SubscriptionSecretTest {

    private static final String URL = "https://crm.example.com/texter/webhook";
    private static final WebhookSecret SECRET = WebhookSecret.of("kq2C-LmT9_x0PzR8vN4wYbA7");

    private static List<ScenarioComponent> requests(ImportSubscriptionRequest body) {
        return body.getData().getActions().stream().filter(a -> a.getName().equals("request")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(ScenarioComponent request) {
        return (Map<String, Object>) request.getParams().get("headers");
    }

    @Test
    void withSecretAddsTheHeaderToTheRequestAction() {
        SubscriptionImport subscription = WebhookSubscriptions.newIncomingMessages(URL).withSecret(SECRET);

        ImportSubscriptionRequest body = subscription.build();
        assertThat(requests(body)).singleElement().satisfies(request -> {
            assertThat(headers(request)).containsExactly(Map.entry(WebhookSecret.HEADER, SECRET.value()));
            assertThat(request.getParams().get("url")).isEqualTo(URL);
        });
        assertThat(subscription.secret()).contains(SECRET);
    }

    @Test
    void theOriginalImportIsLeftAsItWasAndStatusAndAuthorCarryOver() {
        SubscriptionImport plain = WebhookSubscriptions.chatResolved(URL).asStatus(SubscriptionImportStatus.DRAFT)
                .authorUid("uid-7");
        SubscriptionImport secured = plain.withSecret(SECRET);

        assertThat(plain.secret()).isEmpty();
        assertThat(headers(requests(plain.build()).get(0))).isNull();
        ImportSubscriptionRequest body = secured.build();
        assertThat(body.getAsStatus()).isEqualTo(SubscriptionImportStatus.DRAFT);
        assertThat(body.getAuthorUid()).isEqualTo("uid-7");
        assertThat(headers(requests(body).get(0))).containsEntry(WebhookSecret.HEADER, SECRET.value());
    }

    @Test
    void headersAlreadyThereStayAndEveryRequestActionGetsTheSecret() {
        Map<String, String> existing = new LinkedHashMap<>();
        existing.put("X-Tenant", "acme");
        existing.put("x-texter-webhook-secret", "an-old-value-to-replace");
        SubscriptionImport subscription = Scenarios.importOf(Scenarios.scenario("Two hooks")
                .trigger("domain.chat.resolved")
                .action(ScenarioComponents.request(URL, "post", Map.of("eventName", "chatResolved"), existing))
                .action(ScenarioComponents.component("sendMessage", Map.of("text", "bye")))
                .action(ScenarioComponents.request(URL + "/copy", Map.of("eventName", "chatResolved")))
                .build());

        List<ScenarioComponent> requests = requests(subscription.withSecret(SECRET).build());

        assertThat(requests).hasSize(2);
        assertThat(headers(requests.get(0))).containsExactly(Map.entry("X-Tenant", "acme"),
                Map.entry(WebhookSecret.HEADER, SECRET.value()));
        assertThat(headers(requests.get(1))).containsExactly(Map.entry(WebhookSecret.HEADER, SECRET.value()));
        assertThat(subscription.withSecret(SECRET).build().getData().getActions().get(1).getParams())
                .as("the other action is untouched").isEqualTo(Map.of("text", "bye"));
    }

    @Test
    void withSecretInUrlAppendsTheEncodedParameterKeepingTheQueryAndFragment() {
        WebhookSecret reserved = WebhookSecret.of("a+b&c=d%e/f?g#h-long-enough");
        String url = requests(WebhookSubscriptions.chatResolved(URL + "?tenant=acme#top").withSecretInUrl(reserved)
                .build()).get(0).getParams().get("url").toString();

        URI uri = URI.create(url);
        assertThat(uri.getRawFragment()).isEqualTo("top");
        assertThat(uri.getRawQuery()).startsWith("tenant=acme&" + WebhookSecret.QUERY_PARAMETER + "=");
        String value = uri.getRawQuery().substring(("tenant=acme&" + WebhookSecret.QUERY_PARAMETER + "=").length());
        assertThat(value).doesNotContain("&", "#", "+", "?");
        assertThat(URLDecoder.decode(value, StandardCharsets.UTF_8)).isEqualTo(reserved.value());
    }

    @Test
    void withSecretInUrlOnAUrlWithoutQueryAndReplacingAnOldParameter() {
        assertThat(SubscriptionImport.withQueryParameter(URL, SECRET.value()))
                .isEqualTo(URL + "?" + WebhookSecret.QUERY_PARAMETER + "=" + SECRET.value());
        assertThat(SubscriptionImport.withQueryParameter(URL + "?" + WebhookSecret.QUERY_PARAMETER + "=old&x=1",
                SECRET.value())).isEqualTo(URL + "?x=1&" + WebhookSecret.QUERY_PARAMETER + "=" + SECRET.value());
        assertThat(SubscriptionImport.withQueryParameter(URL + "?", SECRET.value()))
                .isEqualTo(URL + "?" + WebhookSecret.QUERY_PARAMETER + "=" + SECRET.value());
    }

    @Test
    void withGeneratedSecretGeneratesOneAndPutsItInTheHeader() {
        SubscriptionImport first = WebhookSubscriptions.chatPending(URL).withGeneratedSecret();
        SubscriptionImport second = WebhookSubscriptions.chatPending(URL).withGeneratedSecret();

        WebhookSecret secret = first.secret().orElseThrow();
        assertThat(secret.value()).hasSize(43);
        assertThat(headers(requests(first.build()).get(0))).containsEntry(WebhookSecret.HEADER, secret.value());
        assertThat(second.secret()).isPresent().get().isNotEqualTo(secret);
    }

    @Test
    void theSameSecretInHeaderAndUrlIsFineButADifferentOneIsRefused() {
        SubscriptionImport both = WebhookSubscriptions.chatPending(URL).withSecret(SECRET).withSecretInUrl(SECRET);
        ScenarioComponent request = requests(both.build()).get(0);
        assertThat(headers(request)).containsEntry(WebhookSecret.HEADER, SECRET.value());
        assertThat(request.getParams().get("url").toString()).endsWith(WebhookSecret.QUERY_PARAMETER + "="
                + SECRET.value());

        assertThatThrownBy(() -> both.withGeneratedSecret()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already carries another webhook secret")
                .message().doesNotContain(SECRET.value());
    }

    @Test
    void aDocumentWithoutARequestActionIsRefused() {
        SubscriptionImport noRequest = Scenarios.importOf(Scenarios.scenario("Greeter")
                .trigger("domain.message.created")
                .action(ScenarioComponents.component("sendMessage", Map.of("text", "hello")))
                .build());

        assertThatThrownBy(() -> noRequest.withSecret(SECRET)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the scenario \"Greeter\" has no request action, so no delivery could carry a webhook"
                        + " secret; add one (ScenarioComponents.request)");
        assertThatThrownBy(() -> noRequest.withSecretInUrl(SECRET)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(noRequest::withGeneratedSecret).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theImportsTextNeverShowsTheSecret() {
        assertThat(WebhookSubscriptions.chatPending(URL).withSecret(SECRET).secret().orElseThrow().toString())
                .doesNotContain(SECRET.value());
    }
}
