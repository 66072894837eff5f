package com.texterchat.dsl.template;

import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.TemplateUsage;
import com.texterchat.model.UpdateTemplateRequest;
import org.jspecify.annotations.Nullable;

/**
 * An Update Existing Template body: only the fields you set are sent, the rest stays as it is. The name and
 * the category cannot change. Start with {@link Templates#update()}.
 */
public final class UpdateTemplateBuilder extends TemplateSettingsBuilder<UpdateTemplateBuilder> {

    private @Nullable String title;
    private @Nullable TemplateUsage usage;

    UpdateTemplateBuilder() {
    }

    /** The title shown in Texter. */
    public UpdateTemplateBuilder title(String title) {
        this.title = title;
        return this;
    }

    /** The status the chat moves to when the recipient replies. */
    public UpdateTemplateBuilder chatStatus(ReplyChatStatus chatStatus) {
        this.chatStatus = chatStatus;
        return this;
    }

    /** Whether the template is meant for one-to-one ({@code inbox}) or {@code bulk} sends. */
    public UpdateTemplateBuilder usage(TemplateUsage usage) {
        this.usage = usage;
        return this;
    }

    /**
     * Builds the body and checks it: at least one field, and the rules of {@link
     * TemplateRules#validate(UpdateTemplateRequest)}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the rule it breaks
     */
    public UpdateTemplateRequest build() {
        return TemplateRules.validate(new UpdateTemplateRequest()
                .title(title)
                .chatStatus(chatStatus)
                .usage(usage)
                .isDefault(isDefault)
                .departments(departmentsCopy())
                .setBotNode(setBotNode)
                .responsibleAgent(responsibleAgent)
                .responsibleDepartment(responsibleDepartment)
                .replyText(replyText));
    }
}
