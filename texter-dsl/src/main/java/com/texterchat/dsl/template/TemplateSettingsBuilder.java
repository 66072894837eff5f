package com.texterchat.dsl.template;

import com.texterchat.model.ReplyChatStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The behaviour settings a template has inside Texter (what happens when the recipient replies, who may use
 * it), shared by {@link NewTemplateBuilder} and {@link UpdateTemplateBuilder}. WhatsApp never sees them.
 *
 * @param <B> the concrete builder, returned by the fluent setters
 */
public abstract class TemplateSettingsBuilder<B extends TemplateSettingsBuilder<B>> {

    @Nullable ReplyChatStatus chatStatus;
    @Nullable Boolean isDefault;
    @Nullable List<String> departments;
    @Nullable String setBotNode;
    @Nullable String responsibleAgent;
    @Nullable String responsibleDepartment;
    @Nullable String replyText;

    TemplateSettingsBuilder() {
    }

    /** Makes this the account's default template (only one template can be). */
    public B isDefault(boolean isDefault) {
        this.isDefault = isDefault;
        return self();
    }

    /** Only these departments may use the template. */
    public B departments(List<String> departmentIds) {
        this.departments = new ArrayList<>(departmentIds);
        return self();
    }

    /** The bot node run after a reply; needs chatStatus BOT. */
    public B setBotNode(String node) {
        this.setBotNode = node;
        return self();
    }

    /** The agent (email) the chat goes to after a reply; not together with a responsible department. */
    public B responsibleAgent(String agentEmail) {
        this.responsibleAgent = agentEmail;
        return self();
    }

    /** The department the chat goes to after a reply; not together with a responsible agent. */
    public B responsibleDepartment(String departmentId) {
        this.responsibleDepartment = departmentId;
        return self();
    }

    /** The text sent automatically when the recipient replies. */
    public B replyText(String text) {
        this.replyText = text;
        return self();
    }

    @Nullable List<String> departmentsCopy() {
        return departments == null ? null : new ArrayList<>(departments);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
