package com.texterchat.examples.spring;

import com.texterchat.Texter;
import com.texterchat.api.EventSubscriptionsApi;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.dsl.scenario.SubscriptionImport;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioRevision;
import com.texterchat.spring.boot.TexterProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the bot sets up in its Texter project once the server has started (an {@link ApplicationRunner}), so that a
 * restart changes nothing:
 * <ul>
 *   <li>the subscription "(SUB) New Incoming Messages" to {@code bot.webhook-url}, carrying the secret of
 *       {@code texter.webhook.secret} in its header ({@code X-Texter-Webhook-Secret}). It is imported only when the
 *       project has no active subscription of that name to that URL with that secret; one with another secret (the
 *       secret was rotated) is deleted and the subscription imported again;</li>
 *   <li>the label {@link SpringSupportBot#AGENT_LABEL}, created when Get Label does not find it.</li>
 * </ul>
 */
@Component
public class SubscriptionSetup implements ApplicationRunner {

    /** The property naming the URL at which Texter reaches this application's webhook endpoint. */
    public static final String WEBHOOK_URL = "bot.webhook-url";

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSetup.class);

    private final Texter texter;
    private final TexterProperties properties;
    private final Environment environment;

    /**
     * Made by Spring.
     *
     * @param texter the starter's entry object
     * @param properties the starter's {@code texter.*} properties, for the webhook secret
     * @param environment where {@value #WEBHOOK_URL} is read when the application has started
     */
    public SubscriptionSetup(Texter texter, TexterProperties properties, Environment environment) {
        this.texter = Objects.requireNonNull(texter, "texter");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * What {@link #subscribe} found or did.
     *
     * @param subscriptionId the subscription that now delivers to the bot
     * @param imported whether it was imported now ({@code false}: it was already there)
     * @param deleted how many subscriptions of the bot to the same URL with another secret were deleted
     */
    public record Outcome(String subscriptionId, boolean imported, int deleted) {
    }

    /** Runs {@link #ensureAgentLabel()} and {@link #subscribe(String)} with {@value #WEBHOOK_URL}. */
    @Override
    public void run(ApplicationArguments args) {
        ensureAgentLabel();
        String url = environment.getProperty(WEBHOOK_URL, "");
        if (url.isBlank()) {
            throw new IllegalStateException(WEBHOOK_URL + " is not set: the URL at which Texter reaches this"
                    + " application's webhook endpoint (" + properties.getWebhook().getPath() + ")");
        }
        Outcome outcome = subscribe(url);
        LOG.info("Texter subscription {} {} to {}", outcome.subscriptionId(),
                outcome.imported() ? "imported" : "already delivers", url);
    }

    // readme:start spring-subscription
    /**
     * Makes sure one active "(SUB) New Incoming Messages" subscription delivers to {@code url} with this bot's
     * secret, importing it only when none does.
     *
     * @param url the webhook endpoint as Texter reaches it
     * @return the subscription, and whether it was imported now
     */
    public Outcome subscribe(String url) {
        WebhookSecret secret = WebhookSecret.of(Objects.requireNonNull(properties.getWebhook().getSecret(),
                "texter.webhook.secret"));
        SubscriptionImport wanted = WebhookSubscriptions.newIncomingMessages(url).withSecret(secret);
        String name = wanted.document().getName();
        int deleted = 0;
        for (Scenario existing : listSubscriptions()) {
            ScenarioRevision active = existing.getActiveRevision();
            Optional<Map<String, Object>> request = active == null ? Optional.empty() : requestTo(active, url);
            if (active == null || !Objects.equals(active.getName(), name) || request.isEmpty()) {
                continue; // not this bot's subscription
            }
            if (secret.matches(headerOf(request.get(), WebhookSecret.HEADER))) {
                return new Outcome(existing.getId(), false, deleted); // already there: a restart imports nothing
            }
            texter.eventSubscriptions().deleteSubscription(existing.getId()); // an old secret: replace it
            deleted++;
        }
        return new Outcome(texter.importSubscription(wanted).getId(), true, deleted);
    }
    // readme:end

    /**
     * Creates the label {@link SpringSupportBot#AGENT_LABEL} unless Get Label finds it.
     *
     * @return whether it was created now
     */
    public boolean ensureAgentLabel() {
        try {
            texter.labels().getLabel(SpringSupportBot.AGENT_LABEL);
            return false;
        } catch (TexterNotFoundException e) {
            texter.labels().createLabel(new CreateLabelRequest().id(SpringSupportBot.AGENT_LABEL)
                    .name("Agent requested").color("#D93F0B"));
            return true;
        }
    }

    private List<Scenario> listSubscriptions() {
        List<Scenario> scenarios = texter.eventSubscriptions()
                .listSubscriptions(new EventSubscriptionsApi.ListSubscriptionsQueryParams()).getScenarios();
        return scenarios == null ? List.of() : scenarios;
    }

    /** The params of the revision's {@code request} action that POSTs to {@code url}, if it has one. */
    private static Optional<Map<String, Object>> requestTo(ScenarioRevision revision, String url) {
        List<ScenarioComponent> actions = revision.getActions() == null ? List.of() : revision.getActions();
        return actions.stream().filter(a -> "request".equals(a.getName()) && a.getParams() != null)
                .map(ScenarioComponent::getParams).filter(p -> url.equals(p.get("url"))).findFirst();
    }

    private static @Nullable String headerOf(Map<String, Object> requestParams, String header) {
        if (requestParams.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> entry : headers.entrySet()) {
                if (header.equalsIgnoreCase(String.valueOf(entry.getKey())) && entry.getValue() != null) {
                    return String.valueOf(entry.getValue());
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "SubscriptionSetup[" + texter + "]";
    }
}
