package com.texterchat.examples.tour;

import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.examples.TexterTour;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.examples.subscription.WebhookSubscriber;
import com.texterchat.examples.webhook.WebhookReceiver;
import com.texterchat.model.Chat;
import com.texterchat.model.Scenario;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tour's stop at {@link WebhookSubscriber}: list the project's subscriptions, subscribe a local
 * {@link WebhookReceiver}, receive one sample event of each kind and describe it, then unsubscribe again so the tour
 * leaves nothing behind.
 *
 * <p>On the simulator the events really happen (the contact writes, the bot's last message is seen, an agent adds a
 * label) and the imported subscriptions deliver them. Against a real project Texter must be able to reach the
 * receiver: set {@code TEXTER_TOUR_WEBHOOK_URL} to a public URL that forwards to it; the events are then the test
 * kit's samples, as the tour cannot make Texter produce them on demand.
 *
 * <p>Run it alone with {@code --only subscription}, or through {@link #main}.
 */
public final class WebhookSubscriptionTour implements Example {

    @Override
    public Info info() {
        return new Info("subscription", "Webhook subscription", "Java",
                "import subscriptions pointing at a local receiver, print the typed events that arrive");
    }

    @Override
    public void run(TourContext context) {
        Steps steps = context.steps();
        WebhookSubscriber subscriber = new WebhookSubscriber(context.texter());

        steps.step("List the project's subscriptions (List All Subscriptions)", subscriber::existing,
                WebhookSubscriptionTour::describe);

        String phone = context.targets().contactPhone();
        Chat chat = phone == null ? null : steps.step("Find the chat of +" + CustomerChats.digits(phone)
                        + (context.events().fromSubscriptions() ? " for the events" : " for the sample events")
                        + " (Search Chats)",
                () -> CustomerChats.findByPhone(context.texter(), phone).orElse(null),
                found -> found == null ? "none: the samples use the test kit's chat" : CustomerChats.describe(found));

        try (WebhookReceiver receiver = steps.step("Start the webhook receiver",
                () -> WebhookReceiver.start(context.receiverPort()), started -> "listening on " + started.url())) {
            String url = context.targets().subscriptionUrl(receiver.url());
            List<Scenario> imported = steps.write("Import " + WebhookSubscriber.SUBSCRIPTIONS.size()
                            + " subscriptions pointing at " + url + " (Texter.importSubscription, WebhookSubscriptions)",
                    context.targets().unreachableReason(url), () -> subscriber.subscribe(url),
                    WebhookSubscriptionTour::describeImported).orElse(List.of());
            try {
                List<String> eventNames = WebhookSubscriber.SUBSCRIPTIONS.stream()
                        .map(WebhookSubscriber.Subscription::eventName).toList();
                steps.step("Texter POSTs one event of each kind (" + context.events().how() + ")", () -> {
                    context.events().events(receiver.url(), chat, eventNames, context.targets().labelName());
                    Steps.Progress progress = steps.progress(eventNames.size());
                    for (int i = 0; i < eventNames.size(); i++) {
                        WebhookEvent event = receiver.take(context.webhookTimeout());
                        progress.begin(event.eventName());
                        progress.end(WebhookSubscriber.describe(event));
                    }
                    return eventNames.size();
                }, count -> count + " events received and parsed");
            } finally {
                // Whatever happened, leave no subscription behind that points at a receiver which is gone.
                if (!imported.isEmpty()) {
                    steps.write("Delete the imported subscriptions again (Delete Subscription)",
                            () -> subscriber.unsubscribe(imported), count -> count + " deleted");
                }
            }
        }
    }

    private static String describe(List<Scenario> scenarios) {
        return scenarios.size() + " subscription(s)" + (scenarios.isEmpty() ? "" : ": " + scenarios.stream().limit(3)
                .map(WebhookSubscriptionTour::name).collect(Collectors.joining(", "))
                + (scenarios.size() > 3 ? ", ..." : ""));
    }

    private static String describeImported(List<Scenario> imported) {
        return imported.stream().map(s -> name(s) + " as " + s.getId()).collect(Collectors.joining("; "));
    }

    private static String name(Scenario scenario) {
        return scenario.getActiveRevision() != null && scenario.getActiveRevision().getName() != null
                ? "\"" + scenario.getActiveRevision().getName() + "\"" : String.valueOf(scenario.getId());
    }

    /**
     * Runs this example alone, like {@code TexterTour --only subscription}.
     *
     * @param args further tour arguments, e.g. {@code --allow-sends}
     */
    public static void main(String[] args) {
        TexterTour.main(TexterTour.only("subscription", args));
    }
}
