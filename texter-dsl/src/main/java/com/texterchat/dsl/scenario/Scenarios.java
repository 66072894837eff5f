package com.texterchat.dsl.scenario;

import com.texterchat.model.ScenarioDocument;

/** Starts the scenario builders. For the 19 webhook events, {@link WebhookSubscriptions} has ready documents. */
public final class Scenarios {

    private Scenarios() {
    }

    /** A scenario document named {@code name}; webhook subscriptions are conventionally prefixed {@code (SUB)}. */
    public static ScenarioBuilder scenario(String name) {
        return new ScenarioBuilder(name);
    }

    /** An Import Subscription body for a document of your own, saved {@code active} unless changed. */
    public static SubscriptionImport importOf(ScenarioDocument document) {
        return new SubscriptionImport(ScenarioRules.validate(document, "data"));
    }
}
