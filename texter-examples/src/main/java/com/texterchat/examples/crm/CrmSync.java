package com.texterchat.examples.crm;

import com.texterchat.Texter;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.Chat;
import com.texterchat.model.Label;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdateCrmDataRequest;
import com.texterchat.model.UpdatedChat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a Texter chat in step with the CRM: find the chat of a phone number (Search Chats), merge the CRM's record
 * into its {@code crmData} (Update CRM Data with {@code deepMerge}, so keys other integrations stored stay), link
 * the chat to the record (Update Chat Properties: {@code crmDeepLink}), put a label on it (Manage Labels in Chat)
 * and assign it to an agent or a department (Assign Chat).
 *
 * <pre>{@code
 * CrmSync crm = new CrmSync(texter);
 * Optional<CrmSync.Result> synced = crm.sync("+972521234567", crmRecord, "VIP",
 *         CrmSync.Assignee.agent("dana@shop.example.com"));
 * }</pre>
 *
 * <p>Each step is a public method as well, for a sync that does only part of it.
 */
public final class CrmSync {

    private final Texter texter;

    /**
     * Creates the sync.
     *
     * @param texter the Texter whose chats are synced
     */
    public CrmSync(Texter texter) {
        this.texter = Objects.requireNonNull(texter, "texter");
    }

    /**
     * Who a chat is assigned to: an agent, a department, or an agent within a department.
     *
     * @param agentEmail the agent's email, or {@code null}
     * @param departmentId the department's ID, or {@code null}
     */
    public record Assignee(@Nullable String agentEmail, @Nullable String departmentId) {

        /**
         * Checks that there is someone to assign to.
         *
         * @throws IllegalArgumentException when both are {@code null} or blank
         */
        public Assignee {
            if (isBlank(agentEmail) && isBlank(departmentId)) {
                throw new IllegalArgumentException("an assignee needs an agent email or a department ID");
            }
        }

        /**
         * An agent.
         *
         * @param email the agent's email
         * @return the assignee
         */
        public static Assignee agent(String email) {
            return new Assignee(email, null);
        }

        /**
         * A department: Texter's routing picks the agent.
         *
         * @param departmentId the department's ID
         * @return the assignee
         */
        public static Assignee department(String departmentId) {
            return new Assignee(null, departmentId);
        }

        /**
         * For logs: {@code agent dana@shop.example.com} or {@code department 64f0...}.
         *
         * @return the description
         */
        public String describe() {
            return agentEmail != null ? "agent " + agentEmail : "department " + departmentId;
        }

        private static boolean isBlank(@Nullable String value) {
            return value == null || value.isBlank();
        }
    }

    /**
     * What {@link #sync} did.
     *
     * @param chatId the chat synced
     * @param crmDataKeys the top-level keys of the chat's {@code crmData} after the merge, sorted
     * @param deepLink the link to the CRM record now on the chat
     * @param labelId the label put on the chat, or {@code null} when the project has no label of that name
     * @param assignedTo who the chat was assigned to, or {@code null} when it was not assigned
     */
    public record Result(String chatId, Set<String> crmDataKeys, String deepLink, @Nullable String labelId,
            @Nullable Assignee assignedTo) {

        /** Copies the keys. */
        public Result {
            crmDataKeys = Collections.unmodifiableSortedSet(new TreeSet<>(crmDataKeys));
        }
    }

    /**
     * Syncs the chat of {@code phone} with the CRM record: merge the data, link the record, label the chat (when the
     * project has a label of that name) and assign it (when there is an assignee).
     *
     * @param phone the contact's number, digits optionally with {@code +}, spaces or dashes
     * @param record the contact as the CRM knows them
     * @param labelName the label to put on the chat, matched case-insensitively
     * @param assignee who to assign the chat to, or {@code null} to leave the assignment as it is
     * @return what was done, or empty when Texter has no chat with this number
     */
    public Optional<Result> sync(String phone, CrmRecord record, String labelName, @Nullable Assignee assignee) {
        Optional<Chat> chat = findChat(phone);
        if (chat.isEmpty()) {
            return Optional.empty();
        }
        String chatId = chat.get().getId();
        UpdatedChat merged = mergeRecord(chatId, record);
        linkToRecord(chatId, record);
        Optional<Label> label = findLabel(labelName);
        label.ifPresent(l -> addLabel(chatId, l));
        if (assignee != null) {
            assign(chatId, assignee);
        }
        return Optional.of(new Result(chatId, crmDataKeys(merged), record.deepLink(), label.map(Label::getId)
                .orElse(null), assignee));
    }

    /**
     * The chat of the contact with this number (Search Chats, narrowed to the exact number).
     *
     * @param phone the contact's number
     * @return the chat, or empty
     */
    public Optional<Chat> findChat(String phone) {
        return CustomerChats.findByPhone(texter, phone);
    }

    /**
     * Merges the record into the chat's {@code crmData} (Update CRM Data, {@code deepMerge}).
     *
     * @param chatId the chat
     * @param record the CRM record
     * @return the chat as Texter updated it, with its whole {@code crmData}
     */
    public UpdatedChat mergeRecord(String chatId, CrmRecord record) {
        return texter.chats().updateCrmData(chatId, new UpdateCrmDataRequest().data(record.asCrmData())
                .strategy(UpdateCrmDataRequest.StrategyEnum.DEEP_MERGE));
    }

    /**
     * Puts the link to the CRM record on the chat, for agents to follow (Update Chat Properties: {@code crmDeepLink}).
     *
     * @param chatId the chat
     * @param record the CRM record
     * @return the chat as Texter updated it
     */
    public UpdatedChat linkToRecord(String chatId, CrmRecord record) {
        return texter.chats().updateChatProperties(chatId,
                new UpdateChatPropertiesRequest().crmDeepLink(record.deepLink()));
    }

    /**
     * The project's label of this name, matched case-insensitively (List All Labels, every page).
     *
     * @param name the label's name
     * @return the label, or empty
     */
    public Optional<Label> findLabel(String name) {
        return texter.paging().listLabels().stream().filter(l -> name.equalsIgnoreCase(l.getName())).findFirst();
    }

    /**
     * Adds the label to the chat (Manage Labels in Chat); labels the chat has already stay.
     *
     * @param chatId the chat
     * @param label the label
     * @return Texter's answer, {@code OK}
     */
    public String addLabel(String chatId, Label label) {
        return texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().add(List.of(label.getId())));
    }

    /**
     * Assigns the chat (Assign Chat).
     *
     * @param chatId the chat
     * @param assignee the agent and/or department
     * @return Texter's answer, {@code OK}
     */
    public String assign(String chatId, Assignee assignee) {
        AssignChatRequest request = new AssignChatRequest().chatId(chatId);
        if (assignee.agentEmail() != null) {
            request.agentEmail(assignee.agentEmail());
        }
        if (assignee.departmentId() != null) {
            request.departmentId(assignee.departmentId());
        }
        return texter.chats().assignChat(request);
    }

    /**
     * The top-level keys of a chat's {@code crmData}, sorted.
     *
     * @param chat the chat as Texter returned it
     * @return the keys; empty when it has none
     */
    public static Set<String> crmDataKeys(UpdatedChat chat) {
        Map<String, Object> data = chat.getCrmData();
        return data == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(data.keySet()));
    }

    @Override
    public String toString() {
        return "CrmSync[" + texter + "]";
    }
}
