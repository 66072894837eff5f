package com.texterchat.examples.subscription;

import com.texterchat.Texter;
import com.texterchat.api.EventSubscriptionsApi;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.UnknownWebhookEvent;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.dsl.scenario.SubscriptionImport;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Subscribes a webhook URL to Texter's events and reads what arrives. In Texter a subscription is a small scenario
 * that POSTs an event to a URL; {@link #subscribe} imports one per event (new incoming messages, message status
 * changes, label changes) with the DSL's {@link WebhookSubscriptions}, and {@link #unsubscribe} deletes them again
 * (Delete Subscription). Each delivery parsed with {@code TexterWebhooks.parse} is a typed {@link WebhookEvent};
 * {@link #describe} shows how to read the three kinds.
 *
 * <pre>{@code
 * WebhookSubscriber subscriber = new WebhookSubscriber(texter);
 * List<Scenario> subscriptions = subscriber.subscribe("https://crm.example.com/texter/webhook");
 * // ... Texter POSTs events to the URL ...
 * subscriber.unsubscribe(subscriptions);
 * }</pre>
 */
public final class WebhookSubscriber {

    /**
     * A subscription to one Texter event.
     *
     * @param eventName the event it delivers
     * @param forUrl builds the Import Subscription body for a receiver URL
     */
    public record Subscription(String eventName, Function<String, SubscriptionImport> forUrl) {
    }

    /** The subscriptions {@link #subscribe} imports. */
    public static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription("newIncomingMessage", WebhookSubscriptions::newIncomingMessages),
            new Subscription("messageStatusChanged", WebhookSubscriptions::messageStatusChanged),
            new Subscription("chatLabelsUpdated", WebhookSubscriptions::chatLabelsUpdated));

    private final Texter texter;

    /**
     * Creates the subscriber.
     *
     * @param texter the Texter project to subscribe to
     */
    public WebhookSubscriber(Texter texter) {
        this.texter = Objects.requireNonNull(texter, "texter");
    }

    /**
     * The project's subscriptions (List All Subscriptions, without Texter's system ones).
     *
     * @return the subscriptions
     */
    public List<Scenario> existing() {
        List<Scenario> scenarios = texter.eventSubscriptions()
                .listSubscriptions(new EventSubscriptionsApi.ListSubscriptionsQueryParams()).getScenarios();
        return scenarios == null ? List.of() : scenarios;
    }

    /**
     * Imports one subscription per entry of {@link #SUBSCRIPTIONS}, each POSTing to {@code url}. When an import
     * fails, the ones already imported are deleted again before the failure is thrown, so nothing is left half set
     * up.
     *
     * @param url the receiver's URL; Texter must be able to reach it (a public https URL)
     * @return the subscriptions created, in the order of {@link #SUBSCRIPTIONS}
     */
    public List<Scenario> subscribe(String url) {
        List<Scenario> imported = new ArrayList<>();
        try {
            for (Subscription subscription : SUBSCRIPTIONS) {
                imported.add(texter.importSubscription(subscription.forUrl().apply(url)));
            }
            return List.copyOf(imported);
        } catch (RuntimeException e) {
            try {
                unsubscribe(imported);
            } catch (RuntimeException cleanupFailed) {
                e.addSuppressed(cleanupFailed);
            }
            throw e;
        }
    }

    /**
     * Deletes subscriptions (Delete Subscription), e.g. those {@link #subscribe} returned.
     *
     * @param subscriptions the subscriptions
     * @return how many were deleted
     */
    public int unsubscribe(List<Scenario> subscriptions) {
        for (Scenario subscription : subscriptions) {
            texter.eventSubscriptions().deleteSubscription(subscription.getId());
        }
        return subscriptions.size();
    }

    /**
     * A line about a typed event, as a handler would log it, e.g.
     * {@code +972521234567 wrote "Is my order ready?" in chat 67bf...}.
     *
     * @param event a parsed delivery
     * @return the description
     */
    public static String describe(WebhookEvent event) {
        if (event instanceof UnknownWebhookEvent unknown) {
            return "an event this SDK version does not know; its raw JSON is kept: " + unknown.data();
        }
        Object data = ((KnownWebhookEvent<?>) event).data();
        if (data instanceof NewIncomingMessageEventData incoming) {
            return phone(incoming.getChat()) + " wrote \"" + incoming.getMessage().getText() + "\" in chat "
                    + incoming.getChat().getId();
        }
        if (data instanceof MessageStatusChangedEventData status) {
            return "message " + status.getExternalId() + " in chat " + status.getChat().getId() + " is now "
                    + (status.getMessageStatus() == null ? "?" : status.getMessageStatus().name());
        }
        if (data instanceof ChatLabelsUpdatedEventData labels) {
            return "chat " + labels.getChat().getId() + ": labels added " + labels.getAddedLabels() + ", removed "
                    + labels.getRemovedLabels() + ", now " + labels.getChat().getLabels();
        }
        return event.eventName() + " (" + data.getClass().getSimpleName() + ")";
    }

    private static String phone(@Nullable Chat chat) {
        return chat == null || chat.getChannelInfo() == null ? "?" : "+" + chat.getChannelInfo().getId();
    }

    @Override
    public String toString() {
        return "WebhookSubscriber[" + texter + "]";
    }
}
