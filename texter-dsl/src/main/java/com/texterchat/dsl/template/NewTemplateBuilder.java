package com.texterchat.dsl.template;

import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateLocalizationRequest;
import com.texterchat.model.TemplateUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A new template: the Create New Template body plus its localizations, one per language. Start with {@link
 * Templates#newTemplate}; {@link com.texterchat.Texter#createAndSubmitTemplate} runs create, localize and
 * submit for it.
 *
 * <pre>{@code
 * NewTemplate welcome = Templates.newTemplate("Welcome", TemplateCategory.MARKETING, TemplateUsage.INBOX,
 *                 ReplyChatStatus.PENDING)
 *         .localization("en", l -> l.body("Hi {{1}}, how can we help?", "John").quickReply("Contact us"))
 *         .build();
 * }</pre>
 */
public final class NewTemplateBuilder extends TemplateSettingsBuilder<NewTemplateBuilder> {

    private final String title;
    private final TemplateCategory category;
    private final TemplateUsage usage;
    private @Nullable String name;
    private final List<LocalizationBuilder> localizations = new ArrayList<>();

    NewTemplateBuilder(String title, TemplateCategory category, TemplateUsage usage, ReplyChatStatus chatStatus) {
        this.title = title;
        this.category = category;
        this.usage = usage;
        this.chatStatus = chatStatus;
    }

    /**
     * The template's unique name (letters, digits, {@code _}). Leave it out and Texter assigns one such as
     * {@code inbox_marketing_95}, returned by the create call.
     */
    public NewTemplateBuilder name(String name) {
        this.name = name;
        return this;
    }

    /**
     * Adds the WhatsApp-facing content for {@code language} (e.g. {@code en}, {@code he}, {@code en_US}). A
     * template may have none yet (create now, localize later); see {@link com.texterchat.Texter#createTemplateDraft}.
     */
    public NewTemplateBuilder localization(String language, Consumer<LocalizationBuilder> content) {
        LocalizationBuilder localization = new LocalizationBuilder(language);
        content.accept(localization);
        localizations.add(localization);
        return this;
    }

    void add(LocalizationBuilder localization) {
        localizations.add(localization);
    }

    /**
     * Builds and checks the create body and every localization, with the rules of the template's category
     * (AUTHENTICATION has WhatsApp's own, see {@link TemplateRules}); languages must not repeat.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the rule it breaks; fields of a
     *     localization are prefixed with {@code localizations[<language>]}
     */
    public NewTemplate build() {
        CreateTemplateRequest request = TemplateRules.validate(new CreateTemplateRequest()
                .title(title)
                .category(category)
                .chatStatus(chatStatus)
                .usage(usage)
                .name(name)
                .isDefault(isDefault)
                .departments(departmentsCopy())
                .setBotNode(setBotNode)
                .responsibleAgent(responsibleAgent)
                .responsibleDepartment(responsibleDepartment)
                .replyText(replyText));
        List<TemplateLocalizationRequest> built = new ArrayList<>();
        for (LocalizationBuilder localization : localizations) {
            built.add(localization.toModel());
        }
        return TemplateRules.validate(new NewTemplate(request, built));
    }
}
