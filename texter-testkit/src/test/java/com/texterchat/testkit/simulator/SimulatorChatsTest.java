package com.texterchat.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatPublicView;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.ChatStatusName;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.Message;
import com.texterchat.model.MessageList;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdateCrmDataRequest;
import com.texterchat.model.UpdatedChat;
import com.texterchat.testkit.junit.TexterTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Chats and messages on the simulator: reads reflect writes. Each test also fails on any answer outside the spec. */
@TexterTest(simulator = true)
class SimulatorChatsTest {

    private static final String NIV = "0521234567";

    @Test
    void anIncomingMessageCreatesAChatThatSearchAndGetChatFind(TexterSimulator simulator, Texter texter) {
        Message hello = simulator.simulate().incomingMessage(NIV, "Is my order ready?");

        ChatSearchResult found = texter.chats().searchChats("+972 52-123-4567", null, null, null, null, null, null,
                null);
        assertThat(found.getTotal()).isEqualTo(1);
        Chat chat = found.getData().get(0);
        assertThat(chat.getId()).matches("[0-9a-f]{24}").isEqualTo(hello.getParentChat());
        assertThat(chat.getChannelInfo().getId()).isEqualTo("972521234567");
        assertThat(chat.getStatus()).isEqualTo(ChatStatus.BOT);
        assertThat(chat.getUnreadCount()).isEqualTo(1);

        ChatPublicView view = texter.chats().getChat(chat.getId());
        assertThat(view.getLastMessage().getText()).isEqualTo("Is my order ready?");
        assertThat(view.getLastIncomingMessageTimestamp()).isEqualTo(simulator.clock().millis());
    }

    @Test
    void aSentMessageAppearsInTheHistoryWithItsContentAndStatus(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage(NIV, "Hi").getParentChat();
        simulator.clock().advance(Duration.ofMinutes(1));

        SendMessageResponse sent = texter.messages().sendMessage(chatId,
                new SessionMessage().type(OutgoingMessageType.TEXT).text("Your order is ready"));
        simulator.clock().advance(Duration.ofMinutes(1));
        SendMessageResponse second = texter.messages().sendMessage(chatId,
                new SessionMessage().type(OutgoingMessageType.TEXT).text("Anything else?"));

        String id = sent.getMessages().get(0).getId();
        assertThat(id).matches("[0-9a-f]{24}").isNotEqualTo(second.getMessages().get(0).getId());
        MessageList history = texter.messages().getChatMessages(chatId, null, null, null, null);
        assertThat(history.getMessages()).extracting(Message::getText)
                .containsExactly("Hi", "Your order is ready", "Anything else?");
        Message stored = history.getMessages().get(1);
        assertThat(stored.getId()).isEqualTo(id);
        assertThat(stored.getDirection()).hasToString("outgoing");
        assertThat(stored.getStatus()).isEqualTo(com.texterchat.model.MessageStatus.SENT);
        assertThat(history.getMinTime()).isLessThan(history.getMaxTime());
    }

    @Test
    void getMessagesPagesBackwardsWithBeforeTimeAndBeforeIdAndFiltersByBotSession(TexterSimulator simulator,
            Texter texter) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(simulator.simulate().incomingMessage(NIV, "m" + i).getId());
            simulator.clock().advance(Duration.ofSeconds(10));
        }
        String chatId = simulator.chatIdOf(NIV).orElseThrow();

        MessageList latest = texter.messages().getChatMessages(chatId, 2, null, null, null);
        assertThat(latest.getMessages()).extracting(Message::getText).containsExactly("m3", "m4");
        Message oldest = latest.getMessages().get(0);
        MessageList before = texter.messages().getChatMessages(chatId, 2, oldest.getTimestamp(), oldest.getId(), null);
        assertThat(before.getMessages()).extracting(Message::getText).containsExactly("m1", "m2");

        String session = texter.chats().getChat(chatId).getBotState().getId();
        simulator.simulate().agentResolves(chatId);
        simulator.simulate().incomingMessage(NIV, "new session");  // a resolved chat goes back to the bot
        MessageList firstSession = texter.messages().getChatMessages(chatId, 50, null, null, session);
        assertThat(firstSession.getMessages()).hasSize(5).extracting(Message::getId).containsExactlyElementsOf(ids);
        assertThat(texter.messages().getChatMessages(chatId, 50, null, null, "0123abc").getMessages()).isEmpty();
    }

    @Test
    void theTwentyFourHourWindowClosesOnTheClock(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage(NIV, "Hi").getParentChat();
        simulator.clock().advance(Duration.ofHours(23));
        texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT).text("still open"));

        simulator.clock().advance(Duration.ofHours(1));
        assertThatThrownBy(() -> texter.messages().sendMessage(chatId,
                new SessionMessage().type(OutgoingMessageType.TEXT).text("too late")))
                .isInstanceOf(TexterOperationFailedException.class)
                .hasMessageContaining("24-hour window");
        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages()).hasSize(2);
    }

    @Test
    void searchFiltersByLabelsStatusesChannelAndPages(TexterSimulator simulator, Texter texter) {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chats.add(simulator.simulate().incomingMessage("05212345" + (60 + i), "hi").getParentChat());
            simulator.clock().advance(Duration.ofMinutes(1));
        }
        texter.labels().manageChatLabels(chats.get(0), new ManageChatLabelsRequest().add(List.of("VIP")));
        texter.labels().manageChatLabels(chats.get(1), new ManageChatLabelsRequest().add(List.of("lead")));
        texter.chats().assignChat(new AssignChatRequest().chatId(chats.get(2)).departmentId("sales"));

        assertThat(ids(texter.chats().searchChats(null, null, null, Set.of("VIP", "lead"), null, null, null, null)))
                .containsExactly(chats.get(1), chats.get(0));
        assertThat(ids(texter.chats().searchChats(null, null, null, null, Set.of(ChatStatusName.PENDING), null, null,
                null))).containsExactly(chats.get(2));
        assertThat(ids(texter.chats().searchChats(null, "whatsapp", "972509876543", null, null, null, null, null)))
                .hasSize(4);
        assertThat(ids(texter.chats().searchChats(null, "whatsapp", "972500000000", null, null, null, null, null)))
                .isEmpty();
        ChatSearchResult page = texter.chats().searchChats(null, null, null, null, null, null, 2, 1);
        assertThat(page.getTotal()).isEqualTo(4);
        assertThat(ids(page)).containsExactly(chats.get(2), chats.get(1));  // newest last message first
    }

    @Test
    void chatsWithoutMessagesAreFoundOnlyWithIncludeEmptyChats(Texter texter) {
        try (TexterSimulator seeded = TexterSimulator.builder().chat(NIV, "Niv").start()) {
            Texter client = seeded.texter();
            assertThat(client.chats().searchChats(NIV, null, null, null, null, null, null, null).getTotal()).isZero();
            assertThat(client.chats().searchChats(NIV, null, null, null, null, true, null, null).getTotal())
                    .isEqualTo(1);
            assertThat(client.chats().searchChats("niv", null, null, null, null, true, null, null).getTotal())
                    .isEqualTo(1);
        }
    }

    @Test
    void labelsAssignmentResolveAndExternalBotChangeTheChat(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage(NIV, "Hi").getParentChat();

        texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().add(List.of("VIP", "lead")));
        texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().remove(List.of("lead")));
        assertThat(chat(texter, chatId).getLabels()).containsExactly("VIP");
        texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().set(List.of()));
        assertThat(chat(texter, chatId).getLabels()).isEmpty();

        texter.chats().assignChat(new AssignChatRequest().phone("+972521234567").agentEmail("tyler@example.com"));
        Chat pending = chat(texter, chatId);
        assertThat(pending.getStatus()).isEqualTo(ChatStatus.PENDING);
        assertThat(pending.getAgent().getDisplayName()).isEqualTo("tyler");
        assertThat(pending.getPendingUpdateTime()).isEqualTo(simulator.clock().now().getEpochSecond());

        simulator.clock().advance(Duration.ofMinutes(5));
        texter.chats().resolveChat(chatId, new ResolveChatRequest().notifyClient(true));
        Chat resolved = chat(texter, chatId);
        assertThat(resolved.getStatus()).isEqualTo(ChatStatus.RESOLVED);
        assertThat(resolved.getResolvedUpdateTime()).isEqualTo(simulator.clock().now().getEpochSecond());
        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages()).hasSize(2);

        UpdatedChat external = texter.chats().updateChatProperties(chatId,
                new UpdateChatPropertiesRequest().externalBot(true).displayName("Niv S."));
        assertThat(external.getExternalBot()).isTrue();
        assertThat(external.getDisplayName()).isEqualTo("Niv S.");
    }

    @Test
    void crmDataMergesByItsStrategy(TexterSimulator simulator, Texter texter) {
        String chatId = simulator.simulate().incomingMessage(NIV, "Hi").getParentChat();
        texter.chats().updateChatProperties(chatId, new UpdateChatPropertiesRequest()
                .crmData(Map.of("plan", "basic", "customer", Map.of("first", "Niv", "lead", 1))));

        UpdatedChat shallow = texter.chats().updateCrmData(chatId, new UpdateCrmDataRequest()
                .data(Map.of("customer", Map.of("last", "S"))).strategy(UpdateCrmDataRequest.StrategyEnum.SHALLOW_MERGE));
        assertThat(shallow.getCrmData()).isEqualTo(Map.of("plan", "basic", "customer", Map.of("last", "S")));

        UpdatedChat deep = texter.chats().updateCrmData(chatId, new UpdateCrmDataRequest()
                .data(Map.of("customer", Map.of("first", "Niv"))).strategy(UpdateCrmDataRequest.StrategyEnum.DEEP_MERGE));
        assertThat(deep.getCrmData()).isEqualTo(Map.of("plan", "basic", "customer", Map.of("last", "S", "first", "Niv")));

        UpdatedChat filled = texter.chats().updateCrmData(chatId, new UpdateCrmDataRequest()
                .data(Map.of("plan", "premium", "tags", List.of("vip")))
                .strategy(UpdateCrmDataRequest.StrategyEnum.FILL_MISSING));
        assertThat(filled.getCrmData()).containsEntry("plan", "basic").containsEntry("tags", List.of("vip"));

        UpdatedChat replaced = texter.chats().updateCrmData(chatId, new UpdateCrmDataRequest()
                .data(Map.of("only", true)).strategy(UpdateCrmDataRequest.StrategyEnum.REPLACE));
        assertThat(replaced.getCrmData()).isEqualTo(Map.of("only", true));
        assertThat(texter.chats().searchChats(NIV, null, null, null, null, null, null, null).getData().get(0)
                .getCrmData()).isEqualTo(Map.of("only", true));
    }

    @Test
    void unknownChatsAnswerNotFound(Texter texter) {
        String unknown = "0123456789abcdef01234567";
        assertThatThrownBy(() -> texter.chats().getChat(unknown)).isInstanceOf(TexterNotFoundException.class)
                .hasMessageContaining("Chat not found");
        assertThatThrownBy(() -> texter.messages().sendMessage(unknown,
                new SessionMessage().type(OutgoingMessageType.TEXT).text("x"))).isInstanceOf(TexterNotFoundException.class);
        assertThatThrownBy(() -> texter.chats().resolveChat(unknown, null)).isInstanceOf(TexterNotFoundException.class);
        assertThatThrownBy(() -> texter.chats().assignChat(new AssignChatRequest().phone("0529999999")
                .departmentId("sales"))).isInstanceOf(TexterNotFoundException.class);
    }

    @Test
    void idsAreUniqueAcrossEverythingTheProjectStores(TexterSimulator simulator, Texter texter) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Message message = simulator.simulate().incomingMessage("05212345" + (10 + i), "hi");
            ids.add(message.getId());
            ids.add(message.getParentChat());
        }
        assertThat(ids).hasSize(100).allMatch(id -> id.matches("[0-9a-f]{24}"));
    }

    private static Chat chat(Texter texter, String chatId) {
        for (Chat chat : texter.chats().searchChats(null, null, null, null, null, true, 10000, null).getData()) {
            if (chat.getId().equals(chatId)) {
                return chat;
            }
        }
        throw new AssertionError("no chat " + chatId);
    }

    private static List<String> ids(ChatSearchResult result) {
        return result.getData().stream().map(Chat::getId).toList();
    }
}
