package com.texterchat.examples.tour;

/**
 * One example of the tour. Its {@link #run} gets everything from the {@link TourContext} (the Texter to talk to,
 * the contact and account to use, the step printer), so the same code runs against the embedded Texter and a real
 * project. Only {@link #prepareEmbedded} is specific to the embedded Texter.
 */
public interface Example {

    /**
     * The example's name, title, language and one-line summary.
     *
     * @return the description
     */
    Info info();

    /**
     * Runs the example's steps.
     *
     * @param context the Texter, the targets and the step printer
     * @throws StepFailedException when a step fails (it was printed already)
     */
    void run(TourContext context);

    /**
     * Prepares the embedded Texter (the simulator of the demo project, {@link EmbeddedTexter#project()}) for this
     * example before it runs, the way a test would: situations it should show being handled that the project's data
     * cannot hold (a rate limit). Not called against a real project. The default does nothing.
     *
     * @param texter the embedded Texter and its demo data
     * @return one sentence on what was prepared, printed under the example's title; empty for nothing
     */
    default String prepareEmbedded(EmbeddedTexter texter) {
        return "";
    }

    /**
     * What an example is.
     *
     * @param id the short name used to pick examples ({@code --only bot,crm})
     * @param title the title printed above the example's steps
     * @param language {@code Java} or {@code Kotlin}
     * @param summary one line on what the example shows
     */
    record Info(String id, String title, String language, String summary) {
    }
}
