package com.texterchat.dsl.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.json.TexterJson;
import com.texterchat.dsl.internal.Check;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.ProviderTemplate;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateComponent;
import com.texterchat.model.TemplateLocalization;
import com.texterchat.model.TemplateLocalizationDraft;
import com.texterchat.model.TemplateParameterFormat;
import com.texterchat.model.TemplateSendDefaults;
import com.texterchat.model.TemplateUsage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
     * @param category MARKETING, UTILITY or AUTHENTICATION (one-time passwords, with WhatsApp's own rules, see
     *     {@link TemplateRules}); WhatsApp may re-classify it on review
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

    /**
     * A new template with everything of {@code template}, a template read back from Texter (e.g. from List All
     * Templates), to create it again, typically on another business number: {@code
     * texter.createAndSubmitTemplate(otherAccount, Templates.copyOf(template))} (or {@link
     * com.texterchat.Texter#recreateTemplate}). It keeps the name, title, category, usage, reply status and the
     * other settings, and every localization with its components, examples, buttons, parameter format and send
     * defaults: first the submitted ones ({@code provider_template.localizations}, whatever their review status),
     * then the drafts ({@code localizationDrafts}) of other languages. Change what should differ (e.g. {@link
     * NewTemplateBuilder#name}) before building. The components are deep copies: changing them does not change
     * {@code template}.
     *
     * <p>Not copied, because Create New Template has no field for them: {@code bot}, {@code attachedFile}, and
     * Texter's own fields ({@code _id}, {@code created}, review status, quality score).
     *
     * @throws com.texterchat.dsl.InvalidRequestException when {@code template} lacks what a new template needs
     *     (usage, chat status, {@code provider_template.category}) or its chat status is BULK (4), which a new
     *     template cannot have
     */
    public static NewTemplateBuilder copyOf(Template template) {
        ProviderTemplate provider = template.getProviderTemplate();
        TemplateCategory category = Check.required("provider_template.category",
                provider == null ? null : provider.getCategory());
        TemplateUsage usage = Check.required("usage", template.getUsage());
        ChatStatus status = Check.required("chatStatus", template.getChatStatus());
        ReplyChatStatus chatStatus = ReplyChatStatus.fromValue(status.getValue());
        Check.that(chatStatus != ReplyChatStatus.UNKNOWN, "chatStatus", "is " + status.getValue() + " (" + status.name()
                + "), which a new template cannot have; only 0-3 (BOT, PENDING, ASSIGNED, RESOLVED)");
        String title = template.getTitle() != null ? template.getTitle() : template.getName();
        NewTemplateBuilder copy = new NewTemplateBuilder(title, category, usage, chatStatus).name(template.getName());
        if (template.getIsDefault() != null) {
            copy.isDefault(template.getIsDefault());
        }
        if (template.getDepartments() != null) {
            copy.departments(template.getDepartments());
        }
        copy.setBotNode = template.getSetBotNode();
        copy.responsibleAgent = template.getResponsibleAgent();
        copy.responsibleDepartment = template.getResponsibleDepartment();
        copy.replyText = template.getReplyText();
        Map<String, TemplateSendDefaults> defaults = template.getDefaults();
        Set<String> languages = new LinkedHashSet<>();
        if (provider != null && provider.getLocalizations() != null) {
            for (TemplateLocalization localization : provider.getLocalizations()) {
                String language = Check.required("provider_template.localizations.language", localization.getLanguage());
                languages.add(language);
                copy.add(copied(language, localization.getComponents(), defaults, localization.getParameterFormat()));
            }
        }
        if (template.getLocalizationDrafts() != null) {
            for (Map.Entry<String, TemplateLocalizationDraft> entry : template.getLocalizationDrafts().entrySet()) {
                TemplateLocalizationDraft draft = entry.getValue();
                String language = draft.getLanguage() != null ? draft.getLanguage() : entry.getKey();
                if (languages.add(language)) {
                    copy.add(copied(language, draft.getComponents(), defaults, draft.getParameterFormat()));
                }
            }
        }
        return copy;
    }

    private static LocalizationBuilder copied(String language, @Nullable List<TemplateComponent> components,
            @Nullable Map<String, TemplateSendDefaults> defaults, @Nullable TemplateParameterFormat format) {
        ObjectMapper json = TexterJson.mapper();
        List<TemplateComponent> copies = new ArrayList<>();
        if (components != null) {
            for (TemplateComponent component : components) {
                copies.add(json.convertValue(component, TemplateComponent.class));
            }
        }
        TemplateSendDefaults sendDefaults = defaults == null ? null : defaults.get(language);
        // POSITIONAL is WhatsApp's default; only NAMED is sent, as Texter's own import tool sends no format.
        return new LocalizationBuilder(language, copies,
                sendDefaults == null ? null : json.convertValue(sendDefaults, TemplateSendDefaults.class),
                format == TemplateParameterFormat.NAMED ? format : null);
    }

    /** An Update Existing Template body; set only what changes. */
    public static UpdateTemplateBuilder update() {
        return new UpdateTemplateBuilder();
    }
}
