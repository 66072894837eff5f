package com.texterchat.examples.tour;

import com.texterchat.examples.TexterTour;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.examples.crm.CrmRecord;
import com.texterchat.examples.crm.CrmSync;
import com.texterchat.model.Chat;
import com.texterchat.model.Label;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The tour's stop at {@link CrmSync}: the steps of {@link CrmSync#sync} one by one, each printed with Texter's
 * answer, writes held back in a read-only run.
 *
 * <p>Run it alone with {@code --only crm}, or through {@link #main}.
 */
public final class CrmSyncTour implements Example {

    @Override
    public Info info() {
        return new Info("crm", "CRM sync", "Java",
                "find a chat by phone, merge CRM data, set a label, assign it");
    }

    @Override
    public void run(TourContext context) {
        Steps steps = context.steps();
        TourTargets targets = context.targets();
        CrmSync crm = new CrmSync(context.texter());
        String phone = targets.contactPhone();
        if (phone == null) {
            steps.skip("Sync a chat with the CRM", "the project has no chat to work on");
            return;
        }
        String digits = CustomerChats.digits(phone);
        Chat chat = steps.step("Find the chat of +" + digits + " (Search Chats)",
                () -> crm.findChat(digits).orElse(null),
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
                () -> crm.mergeRecord(chatId, record),
                updated -> "Texter answered success=" + updated.getSuccess() + ", crmData keys now "
                        + (updated.getCrmData() == null ? "empty" : CrmSync.crmDataKeys(updated)));
        steps.write("Link the chat to the CRM record (Update Chat Properties: crmDeepLink)", blocked,
                () -> crm.linkToRecord(chatId, record),
                updated -> "set to " + record.deepLink() + " (Texter answered success=" + updated.getSuccess() + ")");

        String labelName = targets.labelName();
        Optional<Label> label = steps.step("Find the label \"" + labelName + "\" (List All Labels, client paging)",
                () -> crm.findLabel(labelName), found -> found.map(l -> "id " + l.getId()).orElse("no such label"));
        if (label.isPresent()) {
            steps.write("Add the label to the chat (Manage Labels in Chat)", blocked,
                    () -> crm.addLabel(chatId, label.get()), answer -> "Texter answered " + answer);
        } else {
            steps.skip("Add the label to the chat", "the project has no label named \"" + labelName
                    + "\" (create it in Texter, or name another with TEXTER_TOUR_LABEL)");
        }

        if (targets.agentEmail() == null && targets.departmentId() == null) {
            steps.skip("Assign the chat", "no agent or department given (TEXTER_TOUR_AGENT_EMAIL,"
                    + " TEXTER_TOUR_DEPARTMENT_ID)");
        } else {
            CrmSync.Assignee assignee = new CrmSync.Assignee(targets.agentEmail(), targets.departmentId());
            steps.write("Assign the chat to " + assignee.describe() + " (Assign Chat)", blocked,
                    () -> crm.assign(chatId, assignee), answer -> "Texter answered " + answer);
        }

        steps.step("Read the chat back (Search Chats)", () -> crm.findChat(digits).orElse(null),
                CrmSyncTour::describeSynced);
    }

    private static String describeSynced(@Nullable Chat chat) {
        if (chat == null) {
            return "gone";
        }
        return CustomerChats.describe(chat) + ", labels " + chat.getLabels() + ", crmData keys "
                + (chat.getCrmData() == null ? "[]" : new TreeSet<>(chat.getCrmData().keySet()))
                + (chat.getAgent() == null || chat.getAgent().getDisplayName() == null
                        || chat.getAgent().getDisplayName().isEmpty() ? "" : ", agent " + chat.getAgent().getDisplayName());
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
