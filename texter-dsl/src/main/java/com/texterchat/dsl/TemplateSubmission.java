package com.texterchat.dsl;

import com.texterchat.model.Template;
import java.util.List;

/**
 * The outcome of {@link com.texterchat.Texter#createAndSubmitTemplate} or {@link com.texterchat.Texter#createTemplateDraft}.
 *
 * @param templateName the template's name: the one given, or the one Texter assigned
 * @param template the template as the last call returned it
 * @param localizedLanguages the languages whose localization was created, in order
 * @param submittedLanguages the languages submitted for WhatsApp approval, in order (empty for a draft)
 */
public record TemplateSubmission(String templateName, Template template, List<String> localizedLanguages,
        List<String> submittedLanguages) {

    /** Copies the lists so the record cannot change. */
    public TemplateSubmission {
        localizedLanguages = List.copyOf(localizedLanguages);
        submittedLanguages = List.copyOf(submittedLanguages);
    }
}
