package com.texterchat.testkit.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.model.ChannelHealthProblemResolvedEventData;
import com.texterchat.model.ChatAssignedEventData;
import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.model.ChatResolvedEventData;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.MediaItem;
import com.texterchat.model.MediaType;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageFailedEventData;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.MessageType;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.NewMediaMessageEventData;
import com.texterchat.model.ProblemSeverity;
import com.texterchat.model.WebhookAgent;
import com.texterchat.model.WebhookEnvelope;
import com.texterchat.model.WebhookEventName;
import com.texterchat.testkit.RepoSpec;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook payload factories against the events and examples of the repository's openapi.json. */
class WebhookPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> specEventNames() {
        List<String> names = new ArrayList<>();
        RepoSpec.root().path("x-texter-webhook-events").forEach(e -> names.add(e.path("eventName").asText()));
        return names;
    }

    private static JsonNode specExample(String eventName) {
        for (JsonNode event : RepoSpec.root().path("x-texter-webhook-events")) {
            if (event.path("eventName").asText().equals(eventName)) {
                return RepoSpec.root().at(event.path("eventData").asText().substring(1)).path("example");
            }
        }
        throw new AssertionError("no event " + eventName);
    }

    private static JsonNode data(WebhookPayload<?> payload) throws Exception {
        return JSON.readTree(payload.json()).path("eventData");
    }

    @Test
    void everyEventOfTheSpecDefaultsToItsExampleInTheExactEnvelope() throws Exception {
        List<String> names = specEventNames();
        assertThat(names).hasSize(19);
        assertThat(WebhookPayloads.eventNames()).containsExactlyElementsOf(names);

        for (String name : names) {
            WebhookPayload<?> payload = WebhookPayloads.event(name).build();
            JsonNode envelope = JSON.readTree(payload.json());

            assertThat(envelope.properties()).extracting(Map.Entry::getKey).containsExactly("eventName", "eventData");
            assertThat(envelope.path("eventName").asText()).isEqualTo(name);
            assertThat(envelope.path("eventData")).as(name).isEqualTo(specExample(name));
            assertThat(payload.bytes()).isEqualTo(payload.json().getBytes(StandardCharsets.UTF_8));
            assertThat(payload.eventName()).isEqualTo(name);
            assertThat(payload.eventData()).isInstanceOf(payload.eventDataType());
            assertThat(payload.eventDataType().getSimpleName()).isEqualTo(RepoSpec.root()
                    .path("x-texter-webhook-events").get(names.indexOf(name)).path("eventData").asText()
                    .replaceAll(".*/", ""));
            WebhookEnvelope parsed = payload.envelope();
            assertThat(parsed.getEventName()).isEqualTo(name);
            JsonNode parsedData = JSON.valueToTree(parsed.getEventData());
            assertThat(parsedData).isEqualTo(specExample(name));
        }
    }

    @Test
    void thereIsATypedFactoryForEveryEvent() throws Exception {
        List<String> factories = new ArrayList<>();
        for (Method method : WebhookPayloads.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0
                    && method.getReturnType() == WebhookPayloadBuilder.class) {
                WebhookPayloadBuilder<?> event = (WebhookPayloadBuilder<?>) method.invoke(null);
                assertThat(event.eventName()).isEqualTo(method.getName());
                assertThat(event.build().eventData().getClass().getSimpleName()).isEqualTo(
                        WebhookPayloads.event(method.getName()).build().eventDataType().getSimpleName());
                factories.add(method.getName());
            }
        }
        assertThat(factories).containsExactlyInAnyOrderElementsOf(specEventNames());
    }

    @Test
    void eventsCanBeChosenByTheGeneratedEnum() {
        List<String> names = Arrays.stream(WebhookEventName.values()).filter(n -> n != WebhookEventName.UNKNOWN)
                .map(n -> WebhookPayloads.event(n).eventName()).toList();
        assertThat(names).containsExactlyElementsOf(specEventNames());
    }

    @Test
    void unknownEventNamesAreRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> WebhookPayloads.event("newMessages"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'newMessages'").hasMessageContaining("newIncomingMessage");
        assertThatThrownBy(() -> WebhookPayloads.event(WebhookEventName.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIncomingTextFromAPhone() throws Exception {
        WebhookPayload<NewIncomingMessageEventData> payload = WebhookPayloads.newIncomingMessage()
                .phone("+972 50-111-2222").text("Is my order ready?").chatId("chat-42").messageId("msg-1")
                .accountId("972509999999").timestamp(Instant.ofEpochMilli(1_760_000_000_000L)).build();

        NewIncomingMessageEventData data = payload.eventData();
        assertThat(data.getMessage().getText()).isEqualTo("Is my order ready?");
        assertThat(data.getMessage().getType()).isEqualTo(MessageType.TEXT);
        assertThat(data.getMessage().getDirection()).isEqualTo(MessageDirection.INCOMING);
        assertThat(data.getMessage().getChatChannelInfo().getId()).isEqualTo("972501112222");
        assertThat(data.getMessage().getChatChannelInfo().getAccountId()).isEqualTo("972509999999");
        assertThat(data.getMessage().getParentChat()).isEqualTo("chat-42");
        assertThat(data.getMessage().getId()).isEqualTo("msg-1");
        assertThat(data.getMessage().getTimestamp()).isEqualTo(1_760_000_000_000L);
        assertThat(data.getChat().getId()).isEqualTo("chat-42");
        assertThat(data.getChat().getChannelInfo().getId()).isEqualTo("972501112222");
        assertThat(data.getChat().getChannelInfo().getAccountId()).isEqualTo("972509999999");
        assertThat(data.getChat().getLastMessage().getText()).isEqualTo("Is my order ready?");
        assertThat(data.getChat().getPersonChats()).allSatisfy(p -> {
            assertThat(p.getId()).isEqualTo("972501112222");
            assertThat(p.getAccountId()).isEqualTo("972509999999");
        });
    }

    @Test
    void aMediaMessage() {
        NewMediaMessageEventData data = WebhookPayloads.newMediaMessage()
                .media(new MediaItem().mediaType(MediaType.IMAGE).fileId("f1").filename("photo.jpg")).build().eventData();

        assertThat(data.getMessage().getType()).isEqualTo(MessageType.MEDIA);
        assertThat(data.getMessage().getMedia()).singleElement()
                .satisfies(m -> assertThat(m.getFilename()).isEqualTo("photo.jpg"));
        assertThat(data.getMessage().getText()).isNull();
        assertThatThrownBy(() -> WebhookPayloads.newMediaMessage().media())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void anOutgoingMessage() {
        assertThat(WebhookPayloads.newMessage().direction(MessageDirection.OUTGOING).text("Thanks").build().eventData()
                .getMessage().getDirection()).isEqualTo(MessageDirection.OUTGOING);
    }

    @Test
    void aStatusChangeToSeen() throws Exception {
        WebhookPayload<MessageStatusChangedEventData> payload = WebhookPayloads.messageStatusChanged()
                .messageStatus(MessageStatus.SEEN).externalId("wamid.X1").error(null).build();

        assertThat(payload.eventData().getMessageStatus()).isEqualTo(MessageStatus.SEEN);
        assertThat(data(payload).path("messageStatus").asInt()).isEqualTo(3);
        assertThat(payload.eventData().getExternalId()).containsExactly("wamid.X1");
        assertThat(data(payload).get("error").isNull()).isTrue();
    }

    @Test
    void aFailedDelivery() {
        MessageFailedEventData data = WebhookPayloads.messageFailed().error("recipient blocked").build().eventData();
        assertThat(data.getError()).isEqualTo("recipient blocked");
    }

    @Test
    void labelsAddedAndRemovedKeepTheFourListsConsistent() {
        ChatLabelsUpdatedEventData added = WebhookPayloads.chatLabelsUpdated().labels("VIP").labelsAdded("hot_lead")
                .build().eventData();
        assertThat(added.getAddedLabels()).containsExactly("hot_lead");
        assertThat(added.getRemovedLabels()).isEmpty();
        assertThat(added.getOldLabels()).doesNotContain("hot_lead");
        assertThat(added.getChat().getLabels()).containsExactlyElementsOf(
                concat(added.getOldLabels(), List.of("hot_lead")));

        ChatLabelsUpdatedEventData removed = WebhookPayloads.chatLabelsUpdated().labelsRemoved("VIP").build().eventData();
        assertThat(removed.getRemovedLabels()).containsExactly("VIP");
        assertThat(removed.getAddedLabels()).isEmpty();
        assertThat(removed.getOldLabels()).contains("VIP");
        assertThat(removed.getChat().getLabels()).doesNotContain("VIP")
                .containsExactlyElementsOf(removed.getOldLabels().stream().filter(l -> !l.equals("VIP")).toList());

        assertThat(WebhookPayloads.chatSpecificLabelAdded().labelsAdded("escalated").build().eventData().getAddedLabels())
                .containsExactly("escalated");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aChatAssignedToAnAgent() {
        ChatAssignedEventData data = WebhookPayloads.chatAssigned()
                .agent(new WebhookAgent().id("u-7").displayName("Maya").email("maya@example.com")).build().eventData();

        assertThat(data.getAgent().getEmail()).isEqualTo("maya@example.com");
        assertThat(data.getChat().getAgent().getUid()).isEqualTo("u-7");
        assertThat(data.getChat().getAgent().getDisplayName()).isEqualTo("Maya");
    }

    @Test
    void typedEditorsChangeAnyPart() {
        ChatResolvedEventData resolved = WebhookPayloads.chatResolved().chatStatus(ChatStatus.RESOLVED)
                .chat(chat -> chat.title("Edited").putCrmDataItem("plan", "gold"))
                .eventData(d -> d.getChat().setUnreadCount(9)).build().eventData();
        assertThat(resolved.getChat().getTitle()).isEqualTo("Edited");
        assertThat(resolved.getChat().getCrmData()).containsEntry("plan", "gold");
        assertThat(resolved.getChat().getUnreadCount()).isEqualTo(9);
        assertThat(resolved.getChat().getStatus()).isEqualTo(ChatStatus.RESOLVED);

        ChannelHealthProblemResolvedEventData problem = WebhookPayloads.channelHealthProblemResolved()
                .problem(p -> p.severity(ProblemSeverity.WARNING)).accountId("972500000000").build().eventData();
        assertThat(problem.getProblem().getSeverity()).isEqualTo(ProblemSeverity.WARNING);
        assertThat(problem.getProblem().getAccountId()).isEqualTo("972500000000");

        assertThat(WebhookPayloads.newIncomingMessage().message(m -> m.setText("typed")).build().eventData()
                .getMessage().getText()).isEqualTo("typed");
    }

    @Test
    void rawFieldsAndTheProjectIdEnvelopeKey() throws Exception {
        WebhookPayload<?> payload = WebhookPayloads.chatResolved().set("/chat/crmData/new~1field", List.of(1, 2))
                .set("/brandNew/nested", "x").projectId("demo").build();
        JsonNode envelope = JSON.readTree(payload.json());

        JsonNode list = JSON.valueToTree(List.of(1, 2));
        assertThat(envelope.at("/eventData/chat/crmData/new~1field")).isEqualTo(list);
        assertThat(envelope.at("/eventData/brandNew/nested").asText()).isEqualTo("x");
        assertThat(envelope.path("projectId").asText()).isEqualTo("demo");
        assertThat(payload.envelope().getAdditionalProperties()).containsEntry("projectId", "demo");
        assertThatThrownBy(() -> WebhookPayloads.chatResolved().set("chat/title", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jsonPointer");
        assertThatThrownBy(() -> WebhookPayloads.chatResolved().projectId(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projectId");
    }

    @Test
    void overridesForPartsAnEventDoesNotCarryAreRejected() {
        assertThatThrownBy(() -> WebhookPayloads.chatResolved().text("hi"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chatResolved carries no 'message'").hasMessageContaining("[chat]");
        assertThatThrownBy(() -> WebhookPayloads.newMessage().messageStatus(MessageStatus.SEEN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'messageStatus'");
        assertThatThrownBy(() -> WebhookPayloads.chatPending().labelsAdded("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'oldLabels'");
        assertThatThrownBy(() -> WebhookPayloads.channelHealthProblemCreated().phone("972500000000"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'chat'");
        assertThatThrownBy(() -> WebhookPayloads.chatPending().timestamp(Instant.now()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> WebhookPayloads.chatResolved().agent(new WebhookAgent()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'agent'");
    }

    @Test
    void badValuesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> WebhookPayloads.newIncomingMessage().phone("not a phone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> WebhookPayloads.newIncomingMessage().chatId(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chatId");
        assertThatThrownBy(() -> WebhookPayloads.chatResolved().labels("ok", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("label");
    }

    @Test
    void aBuilderCanBuildSeveralPayloadsAndPayloadsDoNotChangeAfterwards() {
        WebhookPayloadBuilder<NewIncomingMessageEventData> event = WebhookPayloads.newIncomingMessage().text("one");
        WebhookPayload<NewIncomingMessageEventData> first = event.build();
        WebhookPayload<NewIncomingMessageEventData> second = event.text("two").build();

        assertThat(first.eventData().getMessage().getText()).isEqualTo("one");
        assertThat(second.eventData().getMessage().getText()).isEqualTo("two");
        first.eventData().getMessage().setText("mutated copy");
        assertThat(first.eventData().getMessage().getText()).isEqualTo("one");
        assertThat(first).isEqualTo(WebhookPayloads.newIncomingMessage().text("one").build()).isNotEqualTo(second);
        assertThat(first.toString()).isEqualTo(first.json());
    }
}
