package com.texterchat.dsl.template;

import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.TemplateLocalizationRequest;
import java.util.List;

/**
 * A checked template definition: the Create New Template body and the localizations to add, at most one per
 * language. Built by {@link NewTemplateBuilder}.
 *
 * @param request the Create New Template body
 * @param localizations the Create or Update Localization bodies, in the order they were added
 */
public record NewTemplate(CreateTemplateRequest request, List<TemplateLocalizationRequest> localizations) {

    /** Copies the list so the record cannot change behind the caller's back. */
    public NewTemplate {
        localizations = List.copyOf(localizations);
    }
}
