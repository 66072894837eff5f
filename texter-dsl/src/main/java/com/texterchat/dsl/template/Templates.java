package com.texterchat.dsl.template;

import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateUsage;

/**
 * Starts the template builders: sending an approved template, defining a new one (create and localizations),
 * and updating an existing one.
 */
public final class Templates {

    private Templates() {
    }

    /**
     * A Send Template Message body.
     *
     * @param templateName the template's name (ID), e.g. {@code inbox_marketing_98}
     * @param to the recipient's phone, local or international: {@code 0521234567}, {@code 972521234567},
     *     {@code +972 52-123-4567}
     */
    public static SendTemplateBuilder send(String templateName, String to) {
        return new SendTemplateBuilder(templateName, to);
    }

    /**
     * A new template with its required settings; add localizations to it.
     *
     * @param title the title shown in Texter
     * @param category MARKETING or UTILITY (WhatsApp may re-classify it on review)
     * @param usage {@code inbox} for one-to-one sends, {@code bulk} for broadcasts
     * @param chatStatus the status the chat moves to when the recipient replies
     */
    public static NewTemplateBuilder newTemplate(String title, TemplateCategory category, TemplateUsage usage,
            ReplyChatStatus chatStatus) {
        return new NewTemplateBuilder(title, category, usage, chatStatus);
    }

    /** A Create or Update Localization body for {@code language} (e.g. {@code en}, {@code he}, {@code en_US}). */
    public static LocalizationBuilder localization(String language) {
        return new LocalizationBuilder(language);
    }

    /** An Update Existing Template body; set only what changes. */
    public static UpdateTemplateBuilder update() {
        return new UpdateTemplateBuilder();
    }
}
