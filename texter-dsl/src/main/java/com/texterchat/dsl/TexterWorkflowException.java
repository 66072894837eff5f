package com.texterchat.dsl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A multi-step flow of {@link com.texterchat.Texter} stopped because one of its calls failed. It tells which step failed, on
 * which template or scenario and language, and which steps had already completed (those are not undone or
 * repeated), and keeps the original failure as its {@linkplain #getCause() cause}.
 */
public final class TexterWorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The steps of {@link com.texterchat.Texter}'s flows. */
    public enum Step {
        /** Create New Template. */
        CREATE_TEMPLATE,
        /** Create or Update Localization, for one language. */
        LOCALIZE_TEMPLATE,
        /** Submit Template for Approval, for one language. */
        SUBMIT_TEMPLATE,
        /** Update Draft. */
        UPDATE_DRAFT,
        /** Create Revision (publish the draft). */
        PUBLISH_DRAFT
    }

    /** The step that failed. */
    private final Step step;
    /** The template name or scenario ID, if known. */
    private final @Nullable String target;
    /** The language of the step, if any. */
    private final @Nullable String language;
    /** What had completed before the failure. */
    @SuppressWarnings("serial") // declared List, but it holds a List.copyOf, which is Serializable
    private final List<String> completedSteps;

    /**
     * Creates the exception.
     *
     * @param step the step that failed
     * @param target the template name or scenario ID the step worked on; {@code null} when not known yet
     * @param language the template language of the step, or {@code null}
     * @param completedSteps what had completed before, e.g. {@code "created inbox_marketing_95"}
     * @param cause the failure of the step
     */
    public TexterWorkflowException(Step step, @Nullable String target, @Nullable String language,
            List<String> completedSteps, Throwable cause) {
        super(message(step, target, language, completedSteps, cause), cause);
        this.step = step;
        this.target = target;
        this.language = language;
        this.completedSteps = List.copyOf(completedSteps);
    }

    /** The step that failed. */
    public Step step() {
        return step;
    }

    /** The template name or scenario ID the step worked on; {@code null} when a template's name was not known yet. */
    public @Nullable String target() {
        return target;
    }

    /** The language of a localize or submit step; {@code null} for other steps. */
    public @Nullable String language() {
        return language;
    }

    /** The steps that completed before the failure, in order; they were not undone. */
    public List<String> completedSteps() {
        return completedSteps;
    }

    private static String message(Step step, @Nullable String target, @Nullable String language,
            List<String> completed, Throwable cause) {
        StringBuilder text = new StringBuilder(step.name()).append(" failed");
        if (target != null) {
            text.append(" for '").append(target).append('\'');
        }
        if (language != null) {
            text.append(", language '").append(language).append('\'');
        }
        text.append(completed.isEmpty() ? " (nothing completed before)" : " (completed: " + String.join(", ", completed) + ")");
        return text.append(": ").append(cause).toString();
    }
}
