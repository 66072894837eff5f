package com.texterchat.examples.crm;

import com.texterchat.client.TexterClient;
import com.texterchat.examples.TexterTour;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.examples.tour.Example;
import com.texterchat.examples.tour.Steps;
import com.texterchat.examples.tour.TourContext;
import com.texterchat.examples.tour.TourTargets;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.Chat;
import com.texterchat.model.Label;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdateCrmDataRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * CRM sync: find the chat of a phone number, merge the CRM's record into its {@code crmData} (Update CRM Data with
 * {@code deepMerge}, so keys other integrations stored stay), link the chat to the record, put a label on it and
 * assign it to an agent or a department.
 *
 * <p>Run it alone with {@code --only crm}, or through {@link #main}.
 */
public final class CrmSyncExample implements Example {

    @Override
    public Info info() {
        return new Info("crm", "CRM sync", "Java",
                "find a chat by phone, merge CRM data, set a label, assign it");
    }

    @Override
    public void run(TourContext context) {
        Steps steps = context.steps();
        TexterClient client = context.client();
        TourTargets targets = context.targets();
        String phone = targets.contactPhone();
        if (phone == null) {
            steps.skip("Sync a chat with the CRM", "the project has no chat to work on");
            return;
        }
        String digits = CustomerChats.digits(phone);
        Chat chat = steps.step("Find the chat of +" + digits + " (Search Chats)",
                () -> CustomerChats.findByPhone(client, digits).orElse(null),
                found -> found == null ? "none" : CustomerChats.describe(found));
        if (chat == null) {
            steps.skip("Sync the chat with the CRM", "Texter has no chat with +" + digits);
            return;
        }
        String chatId = chat.getId();
        String blocked = targets.contactWritesBlocked();

        CrmRecord record = steps.step("Look the contact up in the CRM (a stand-in record)",
                () -> CrmRecord.lookUp(digits),
                found -> "lead " + found.leadId() + ", " + found.firstName() + " " + found.lastName() + ", plan "
                        + found.plan());

        steps.write("Merge the record into the chat's crmData (Update CRM Data, deepMerge)", blocked,
                () -> client.chats().updateCrmData(chatId, new UpdateCrmDataRequest().data(record.asCrmData())
                        .strategy(UpdateCrmDataRequest.StrategyEnum.DEEP_MERGE)),
                updated -> "Texter answered success=" + updated.getSuccess() + ", crmData keys now "
                        + keys(updated.getCrmData()));
        steps.write("Link the chat to the CRM record (Update Chat Properties: crmDeepLink)", blocked,
                () -> client.chats().updateChatProperties(chatId,
                        new UpdateChatPropertiesRequest().crmDeepLink(record.deepLink())),
                updated -> "set to " + record.deepLink() + " (Texter answered success=" + updated.getSuccess() + ")");

        String labelName = targets.labelName();
        Optional<Label> label = steps.step("Find the label \"" + labelName + "\" (List All Labels, client paging)",
                () -> client.paging().labels().stream()
                        .filter(l -> labelName.equalsIgnoreCase(l.getName()))
                        .findFirst(),
                found -> found.map(l -> "id " + l.getId()).orElse("no such label"));
        if (label.isPresent()) {
            String labelId = label.get().getId();
            steps.write("Add the label to the chat (Manage Labels in Chat)", blocked,
                    () -> client.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().add(List.of(labelId))),
                    answer -> "Texter answered " + answer);
        } else {
            steps.skip("Add the label to the chat", "the project has no label named \"" + labelName
                    + "\" (create it in Texter, or name another with TEXTER_TOUR_LABEL)");
        }

        AssignChatRequest assignment = new AssignChatRequest().chatId(chatId);
        if (targets.agentEmail() != null) {
            assignment.agentEmail(targets.agentEmail());
        }
        if (targets.departmentId() != null) {
            assignment.departmentId(targets.departmentId());
        }
        if (assignment.getAgentEmail() == null && assignment.getDepartmentId() == null) {
            steps.skip("Assign the chat", "no agent or department given (TEXTER_TOUR_AGENT_EMAIL,"
                    + " TEXTER_TOUR_DEPARTMENT_ID)");
            return;
        }
        String assignee = assignment.getAgentEmail() != null ? "agent " + assignment.getAgentEmail()
                : "department " + assignment.getDepartmentId();
        steps.write("Assign the chat to " + assignee + " (Assign Chat)", blocked,
                () -> client.chats().assignChat(assignment), answer -> "Texter answered " + answer);
    }

    private static String keys(@Nullable Map<String, Object> crmData) {
        return crmData == null ? "empty" : new TreeMap<>(crmData).keySet().toString();
    }

    /**
     * Runs this example alone, like {@code TexterTour --only crm}.
     *
     * @param args further tour arguments, e.g. {@code --allow-sends}
     */
    public static void main(String[] args) {
        TexterTour.main(TexterTour.only("crm", args));
    }
}
