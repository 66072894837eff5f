package com.texterchat.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.UpdateCrmDataRequest;
import com.texterchat.testkit.simulator.Agent;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CRM sync end to end on the simulator, with no stub: a project with labels and an agent, a contact who wrote
 * and whose chat another integration already keeps CRM data on; after {@link CrmSync#sync} the chat is read back
 * through Search Chats.
 */
class CrmSyncFlowTest {

    private static final String PHONE = "972521234567";
    private static final String VIP = "64f0aa000000000000000001";
    private static final String DANA = "dana@shop.example.com";
    private static final CrmRecord RECORD = new CrmRecord(641225, "John", "Doe", "premium", List.of("vip"));

    private static TexterSimulator simulator;
    private static Texter texter;

    @BeforeAll
    static void aProjectWithLabelsAndAnAgent() {
        simulator = TexterSimulator.builder()
                .label(VIP, "VIP", "#dce775")
                .label("64f0aa000000000000000002", "Urgent", "#e57373")
                .agent(Agent.of("Dana", DANA))
                .start();
        texter = simulator.texter();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private String chatId;

    /** The contact wrote; the web shop's integration stored where the lead came from and a customer field. */
    @BeforeEach
    void aContactWithCrmDataOfAnotherIntegration() {
        simulator.reset();
        chatId = simulator.simulate().incomingMessage(PHONE, "Hi").getParentChat();
        texter.chats().updateCrmData(chatId, new UpdateCrmDataRequest()
                .data(Map.of("source", "web-shop", "customer", Map.of("since", 2021)))
                .strategy(UpdateCrmDataRequest.StrategyEnum.SHALLOW_MERGE));
    }

    @Test
    void syncDeepMergesLinksLabelsAndAssignsAndTheChatShowsIt() {
        Optional<CrmSync.Result> result = new CrmSync(texter).sync("+972 52-123-4567", RECORD, "vip",
                CrmSync.Assignee.agent(DANA));

        assertThat(result).hasValueSatisfying(synced -> {
            assertThat(synced.chatId()).isEqualTo(chatId);
            assertThat(synced.labelId()).isEqualTo(VIP);
            assertThat(synced.crmDataKeys()).containsExactly("customer", "plan", "source", "tags");
        });
        Chat chat = CustomerChats.findByPhone(texter, PHONE).orElseThrow();
        assertThat(chat.getId()).isEqualTo(chatId);
        assertThat(chat.getCrmData())
                .containsEntry("source", "web-shop")
                .containsEntry("plan", "premium")
                .containsEntry("tags", List.of("vip"))
                .containsEntry("customer", Map.of("since", 2021, "first_name", "John", "last_name", "Doe",
                        "lead_id", 641225));
        assertThat(chat.getCrmDeepLink()).isEqualTo("https://crm.example.com/leads/641225");
        assertThat(chat.getLabels()).containsExactly(VIP);
        assertThat(chat.getStatus()).isEqualTo(ChatStatus.PENDING);
        assertThat(chat.getAgent().getDisplayName()).isEqualTo("Dana");
    }

    @Test
    void aSecondSyncChangesNothingMore() {
        CrmSync crm = new CrmSync(texter);
        crm.sync(PHONE, RECORD, "VIP", null);
        Chat once = CustomerChats.findByPhone(texter, PHONE).orElseThrow();

        crm.sync(PHONE, RECORD, "VIP", null);

        Chat twice = CustomerChats.findByPhone(texter, PHONE).orElseThrow();
        assertThat(twice.getCrmData()).isEqualTo(once.getCrmData());
        assertThat(twice.getLabels()).containsExactly(VIP);
        assertThat(twice.getStatus()).as("no assignee: not assigned").isEqualTo(ChatStatus.BOT);
    }

    @Test
    void aLabelTheProjectDoesNotHaveIsLeftOut() {
        Optional<CrmSync.Result> result = new CrmSync(texter).sync(PHONE, RECORD, "Gold", null);

        assertThat(result).hasValueSatisfying(synced -> assertThat(synced.labelId()).isNull());
        assertThat(CustomerChats.findByPhone(texter, PHONE).orElseThrow().getLabels()).isEmpty();
    }

    @Test
    void aNumberWithoutAChatIsNotSynced() {
        int writesBefore = simulator.verify().count("updateCrmData");

        assertThat(new CrmSync(texter).sync("972500000009", RECORD, "VIP", CrmSync.Assignee.agent(DANA))).isEmpty();

        assertThat(simulator.verify().count("updateCrmData")).isEqualTo(writesBefore);
        assertThat(simulator.chatIdOf("972500000009")).isEmpty();
    }
}
