package com.texterchat.examples.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.examples.webhook.WebhookReceiver;
import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.Scenario;
import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriber end to end on the simulator, with no stub: it imports its three subscriptions pointing at a real
 * receiver, the events happen in the simulated project, the deliveries arrive typed, and after
 * {@link WebhookSubscriber#unsubscribe} List All Subscriptions is empty and nothing arrives any more.
 */
@TexterTest(simulator = true)
class WebhookSubscriberFlowTest {

    private static final String PHONE = "972521234567";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private WebhookReceiver receiver;
    private WebhookSubscriber subscriber;

    @BeforeEach
    void aReceiver(Texter texter) {
        receiver = WebhookReceiver.start(0);
        subscriber = new WebhookSubscriber(texter);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachSubscriptionDeliversItsEventUntilItIsDeleted(TexterSimulator simulator, Texter texter) {
        List<Scenario> subscriptions = subscriber.subscribe(receiver.url().toString());

        assertThat(subscriptions).hasSize(3).extracting(Scenario::getId).doesNotHaveDuplicates();
        assertThat(subscriber.existing()).extracting(Scenario::getId)
                .containsExactlyInAnyOrderElementsOf(subscriptions.stream().map(Scenario::getId).toList());

        String chatId = simulator.simulate().incomingMessage(PHONE, "Is my order ready?").getParentChat();
        WebhookEvent incoming = receiver.take(WAIT);
        assertThat(incoming.dataAs(NewIncomingMessageEventData.class)).hasValueSatisfying(data -> {
            assertThat(data.getChat().getId()).isEqualTo(chatId);
            assertThat(data.getMessage().getText()).isEqualTo("Is my order ready?");
        });
        assertThat(WebhookSubscriber.describe(incoming))
                .isEqualTo("+" + PHONE + " wrote \"Is my order ready?\" in chat " + chatId);

        String sent = texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT)
                .text("Yes, it is")).getMessages().get(0).getId();
        simulator.simulate().messageStatus(sent, MessageStatus.SEEN);
        WebhookEvent seen = receiver.take(WAIT);
        assertThat(seen.dataAs(MessageStatusChangedEventData.class)).hasValueSatisfying(data -> {
            assertThat(data.getChat().getId()).isEqualTo(chatId);
            assertThat(data.getMessageStatus()).isEqualTo(MessageStatus.SEEN);
        });

        texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().add(List.of("VIP")));
        WebhookEvent labelled = receiver.take(WAIT);
        assertThat(labelled.dataAs(ChatLabelsUpdatedEventData.class)).hasValueSatisfying(data -> {
            assertThat(data.getAddedLabels()).containsExactly("VIP");
            assertThat(data.getChat().getLabels()).containsExactly("VIP");
        });
        assertThat(receiver.drain()).as("one delivery per event, nothing else").isEmpty();
        assertThat(simulator.deliveries()).extracting(d -> d.scenarioId())
                .containsExactly(subscriptions.get(0).getId(), subscriptions.get(1).getId(),
                        subscriptions.get(2).getId());

        assertThat(subscriber.unsubscribe(subscriptions)).isEqualTo(3);

        assertThat(subscriber.existing()).isEmpty();
        simulator.simulate().incomingMessage(PHONE, "Hello?");
        assertThat(receiver.drain()).isEmpty();
        assertThat(simulator.deliveries()).hasSize(3);
    }
}
