package com.texterchat.examples.subscription;

import com.texterchat.client.TexterClient;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.UnknownWebhookEvent;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.examples.TexterTour;
import com.texterchat.examples.chats.CustomerChats;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.texterchat.client.json.TexterJson;
import com.texterchat.examples.tour.EmbeddedTexter;
import com.texterchat.examples.tour.Example;
import com.texterchat.examples.tour.Steps;
import com.texterchat.examples.tour.TourContext;
import com.texterchat.examples.webhook.WebhookReceiver;
import com.texterchat.dsl.scenario.SubscriptionImport;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.api.EventSubscriptionsApi;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioList;
import com.texterchat.model.ScenarioRevision;
import com.texterchat.model.ScenarioRevisionStatus;
import com.texterchat.testkit.TexterMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Webhook subscriptions: import three subscriptions (new incoming messages, message status changes, label changes)
 * that point at a receiver, print the typed events that arrive, and delete the subscriptions again so the tour
 * leaves nothing behind.
 *
 * <p>Against a real project Texter must be able to reach the receiver: set {@code TEXTER_TOUR_WEBHOOK_URL} to a public
 * URL that forwards to it. The events printed are the test kit's samples in both modes (the tour cannot make Texter
 * produce them on demand).
 *
 * <p>Run it alone with {@code --only subscription}, or through {@link #main}.
 */
public final class WebhookSubscriptionExample implements Example {

    /**
     * A subscription to one Texter event.
     *
     * @param eventName the event it delivers
     * @param forUrl builds the Import Subscription body for a receiver URL
     */
    public record Subscription(String eventName, Function<String, SubscriptionImport> forUrl) {
    }

    /** The subscriptions this example imports. */
    public static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription("newIncomingMessage", WebhookSubscriptions::newIncomingMessages),
            new Subscription("messageStatusChanged", WebhookSubscriptions::messageStatusChanged),
            new Subscription("chatLabelsUpdated", WebhookSubscriptions::chatLabelsChanged));

    @Override
    public Info info() {
        return new Info("subscription", "Webhook subscription", "Java",
                "import subscriptions pointing at a local receiver, print the typed events that arrive");
    }

    @Override
    public void run(TourContext context) {
        Steps steps = context.steps();
        TexterClient client = context.client();

        steps.step("List the project's subscriptions (List All Subscriptions)",
                () -> client.eventSubscriptions().listSubscriptions(
                        new EventSubscriptionsApi.ListSubscriptionsQueryParams()),
                WebhookSubscriptionExample::describe);

        String phone = context.targets().contactPhone();
        Chat chat = phone == null ? null : steps.step("Find the chat of +" + CustomerChats.digits(phone)
                        + " for the sample events (Search Chats)",
                () -> CustomerChats.findByPhone(client, phone).orElse(null),
                found -> found == null ? "none: the samples use the test kit's chat" : CustomerChats.describe(found));

        try (WebhookReceiver receiver = steps.step("Start the webhook receiver",
                () -> WebhookReceiver.start(context.receiverPort()), started -> "listening on " + started.url())) {
            String url = context.targets().subscriptionUrl(receiver.url());
            List<Scenario> imported = steps.write("Import " + SUBSCRIPTIONS.size() + " subscriptions pointing at " + url
                            + " (Texter façade, WebhookSubscriptions)", context.targets().unreachableReason(url),
                    () -> importAll(context, url), WebhookSubscriptionExample::describeImported).orElse(List.of());

            try {
                List<String> eventNames = SUBSCRIPTIONS.stream().map(Subscription::eventName).toList();
                steps.step("Texter POSTs one event of each kind (test kit samples)", () -> {
                    context.webhooks().events(receiver.url(), chat, eventNames, context.targets().labelName());
                    Steps.Progress progress = steps.progress(eventNames.size());
                    for (int i = 0; i < eventNames.size(); i++) {
                        WebhookEvent event = receiver.take(context.webhookTimeout());
                        progress.begin(event.eventName());
                        progress.end(describe(event));
                    }
                    return eventNames.size();
                }, count -> count + " events received and parsed");
            } finally {
                // Whatever happened, leave no subscription behind that points at a receiver which is gone.
                if (!imported.isEmpty()) {
                    steps.write("Delete the imported subscriptions again (Delete Subscription)",
                            () -> imported.stream().map(s -> client.eventSubscriptions().deleteSubscription(s.getId()))
                                    .toList(),
                            answers -> answers.size() + " deleted");
                }
            }
        }
    }

    /** Texter answers each import with the new subscription; the embedded one answers each with its own ID. */
    @Override
    public String prepareEmbedded(EmbeddedTexter texter) {
        TexterMockServer server = texter.server();
        for (int i = 0; i < SUBSCRIPTIONS.size(); i++) {
            String name = SUBSCRIPTIONS.get(i).forUrl().apply("https://example.com").document().getName();
            Scenario created = new Scenario().id(String.format("6970b3c1d2e3f40123456%03d", i + 1))
                    .activeRevision(new ScenarioRevision().name(name).status(ScenarioRevisionStatus.ACTIVE).version(1));
            server.wireMock().stubFor(server.stubs().route("importSubscription")
                    .withRequestBody(WireMock.matchingJsonPath("$.data.name", WireMock.equalTo(name)))
                    .willReturn(WireMock.jsonResponse(TexterJson.mapper().valueToTree(created).toString(), 201)));
        }
        return "imports answer with a new subscription each";
    }

    private static List<Scenario> importAll(TourContext context, String url) {
        List<Scenario> imported = new ArrayList<>();
        for (Subscription subscription : SUBSCRIPTIONS) {
            imported.add(context.texter().importSubscription(subscription.forUrl().apply(url)));
        }
        return imported;
    }

    /**
     * A line about a typed event, e.g. {@code +972521234567 wrote "Is my order ready?" in chat 67bf...}.
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
        return data.getClass().getSimpleName();
    }

    private static String phone(@Nullable Chat chat) {
        return chat == null || chat.getChannelInfo() == null ? "?" : "+" + chat.getChannelInfo().getId();
    }

    private static String describe(ScenarioList list) {
        List<Scenario> scenarios = list.getScenarios() == null ? List.of() : list.getScenarios();
        return list.getTotal() + " subscription(s)" + (scenarios.isEmpty() ? "" : ": " + scenarios.stream().limit(3)
                .map(WebhookSubscriptionExample::name).collect(Collectors.joining(", "))
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
