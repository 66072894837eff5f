package com.texterchat.dsl.scenario;

import com.texterchat.client.json.TexterJson;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.model.SubscriptionImportStatus;
import org.jspecify.annotations.Nullable;

/**
 * An Import Subscription body: a scenario document and the state it is saved in. Made by {@link
 * WebhookSubscriptions} or {@link Scenarios#importOf}; each {@link #build()} returns an independent copy.
 *
 * <pre>{@code
 * ImportSubscriptionRequest body = WebhookSubscriptions.newIncomingMessages("https://crm.example.com/hook")
 *         .asStatus(SubscriptionImportStatus.INACTIVE)
 *         .build();
 * }</pre>
 */
public final class SubscriptionImport {

    private final ScenarioDocument document;
    private SubscriptionImportStatus status = SubscriptionImportStatus.ACTIVE;
    private @Nullable String authorUid;

    SubscriptionImport(ScenarioDocument document) {
        this.document = document;
    }

    /**
     * The state the subscription is saved in: {@code active} delivers at once (the default), {@code inactive}
     * saves it as an inactive revision, {@code draft} as a draft.
     */
    public SubscriptionImport asStatus(SubscriptionImportStatus status) {
        this.status = status;
        return this;
    }

    /** The Texter user (UID) the import is attributed to; automatic when not given. */
    public SubscriptionImport authorUid(String authorUid) {
        this.authorUid = authorUid;
        return this;
    }

    /** A copy of the scenario document. */
    public ScenarioDocument document() {
        return TexterJson.mapper().convertValue(document, ScenarioDocument.class);
    }

    /**
     * Builds the body and checks it against {@link ScenarioRules#validate(ImportSubscriptionRequest)}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the rule it breaks
     */
    public ImportSubscriptionRequest build() {
        return ScenarioRules.validate(new ImportSubscriptionRequest().data(document()).asStatus(status)
                .authorUid(authorUid));
    }
}
