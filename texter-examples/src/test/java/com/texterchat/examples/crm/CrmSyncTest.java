package com.texterchat.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.Label;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdateCrmDataRequest;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CRM sync against the test kit: what reached Texter, and what {@link CrmSync#sync} reports. */
@TexterTest
class CrmSyncTest {

    private static final String PHONE = "972521234567";
    private static final CrmRecord RECORD = new CrmRecord(641225, "John", "Doe", "premium", List.of("vip"));

    private CrmSync crm;
    private String chatId;

    @BeforeEach
    void aContactWithAChat(Texter texter, TexterMockServer server) {
        crm = new CrmSync(texter);
        chatId = server.stubs().chatExists(PHONE).getId();
        server.stubs().labels(new Label().id("64f0aa000000000000000001").name("vip"),
                new Label().id("64f0aa000000000000000002").name("Urgent"));
    }

    @Test
    void syncMergesLinksLabelsAndAssigns(TexterMockServer server) {
        Optional<CrmSync.Result> result = crm.sync("+972 52-123-4567", RECORD, "VIP",
                CrmSync.Assignee.agent("dana@shop.example.com"));

        assertThat(result).hasValueSatisfying(synced -> {
            assertThat(synced.chatId()).isEqualTo(chatId);
            assertThat(synced.deepLink()).isEqualTo("https://crm.example.com/leads/641225");
            assertThat(synced.labelId()).isEqualTo("64f0aa000000000000000001");
            assertThat(synced.assignedTo()).isEqualTo(CrmSync.Assignee.agent("dana@shop.example.com"));
            assertThat(synced.crmDataKeys()).contains("customer", "plan", "tags");
            assertThat(List.copyOf(synced.crmDataKeys())).isSorted();
        });
        UpdateCrmDataRequest merged = server.verify().bodies("updateCrmData", UpdateCrmDataRequest.class).get(0);
        assertThat(merged.getStrategy()).isEqualTo(UpdateCrmDataRequest.StrategyEnum.DEEP_MERGE);
        assertThat(merged.getData()).containsEntry("plan", "premium").containsEntry("tags", List.of("vip"))
                .containsEntry("customer", Map.of("first_name", "John", "last_name", "Doe", "lead_id", 641225));
        assertThat(server.verify().requests("updateCrmData")).extracting(r -> r.pathParameter("chatId"))
                .containsExactly(chatId);
        assertThat(server.verify().bodies("updateChatProperties", UpdateChatPropertiesRequest.class))
                .singleElement().satisfies(update -> assertThat(update.getCrmDeepLink())
                        .isEqualTo("https://crm.example.com/leads/641225"));
        assertThat(server.verify().requests("manageChatLabels")).singleElement().satisfies(request -> {
            assertThat(request.pathParameter("chatId")).isEqualTo(chatId);
            assertThat(request.body(ManageChatLabelsRequest.class).getAdd())
                    .containsExactly("64f0aa000000000000000001");
        });
        assertThat(server.verify().bodies("assignChat", AssignChatRequest.class)).singleElement()
                .satisfies(assign -> {
                    assertThat(assign.getChatId()).isEqualTo(chatId);
                    assertThat(assign.getAgentEmail()).isEqualTo("dana@shop.example.com");
                    assertThat(assign.getDepartmentId()).isNull();
                });
    }

    @Test
    void noChatMeansNothingIsWritten(TexterMockServer server) {
        server.stubs().noChatFor("972500000009");

        assertThat(crm.sync("972500000009", RECORD, "VIP", CrmSync.Assignee.agent("dana@shop.example.com")))
                .isEmpty();
        assertThat(server.verify().all()).extracting(ReceivedRequest::method).containsOnly("GET");
    }

    @Test
    void aLabelTheProjectDoesNotHaveIsLeftOut(TexterMockServer server) {
        CrmSync.Result result = crm.sync(PHONE, RECORD, "Gold", null).orElseThrow();

        assertThat(result.labelId()).isNull();
        assertThat(result.assignedTo()).isNull();
        assertThat(server.verify().count("manageChatLabels")).isZero();
        assertThat(server.verify().count("assignChat")).isZero();
        assertThat(server.verify().count("updateCrmData")).isOne();
    }

    @Test
    void aDepartmentCanBeTheAssignee(TexterMockServer server) {
        crm.assign(chatId, CrmSync.Assignee.department("64f0dd000000000000000001"));

        assertThat(server.verify().bodies("assignChat", AssignChatRequest.class)).singleElement()
                .satisfies(assign -> {
                    assertThat(assign.getDepartmentId()).isEqualTo("64f0dd000000000000000001");
                    assertThat(assign.getAgentEmail()).isNull();
                });
    }

    @Test
    void anAssigneeNeedsAnAgentOrADepartment() {
        assertThatThrownBy(() -> new CrmSync.Assignee(null, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an assignee needs an agent email or a department ID");
    }
}
