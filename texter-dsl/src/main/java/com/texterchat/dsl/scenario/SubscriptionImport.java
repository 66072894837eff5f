package com.texterchat.dsl.scenario;

import com.texterchat.client.json.TexterJson;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.model.SubscriptionImportStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 *
 * <p>Texter does not sign its deliveries, so a subscription should carry a {@link WebhookSecret} that the
 * receiving end checks ({@code TexterWebhookReceiver}): {@link #withSecret} adds it as the header
 * {@code X-Texter-Webhook-Secret} of every {@code request} action, {@link #withSecretInUrl} as the query parameter
 * {@code texter_secret} of every action's URL, {@link #withGeneratedSecret()} generates one. These
 * return a new import and leave this one as it was.
 */
public final class SubscriptionImport {

    private static final String REQUEST = "request";

    private final ScenarioDocument document;
    private SubscriptionImportStatus status = SubscriptionImportStatus.ACTIVE;
    private @Nullable String authorUid;
    private @Nullable WebhookSecret secret;

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

    /**
     * A copy of this import whose {@code request} actions send {@code secret} in the header
     * {@code X-Texter-Webhook-Secret}; their other headers stay, a header of that name (in any case) is replaced.
     *
     * @param secret the secret the receiving end checks
     * @return the new import; this one is unchanged
     * @throws IllegalStateException when the document has no {@code request} action to carry the secret, or
     *                               this import already carries a different secret
     */
    public SubscriptionImport withSecret(WebhookSecret secret) {
        Objects.requireNonNull(secret, "secret");
        return withRequests(secret, params -> {
            Map<String, Object> headers = new LinkedHashMap<>();
            Object existing = params.get("headers");
            if (existing instanceof Map) {
                ((Map<?, ?>) existing).forEach((name, value) -> {
                    if (!WebhookSecret.HEADER.equalsIgnoreCase(String.valueOf(name))) {
                        headers.put(String.valueOf(name), value);
                    }
                });
            }
            headers.put(WebhookSecret.HEADER, secret.value());
            params.put("headers", headers);
        });
    }

    /**
     * A copy of this import whose {@code request} actions carry {@code secret} in their URL, as the query
     * parameter {@code texter_secret} (URL-encoded), for receivers that cannot read headers. The
     * URL's other parameters and fragment stay; an existing {@code texter_secret} is replaced.
     * Prefer {@link #withSecret}: a URL tends to end up in access logs.
     *
     * @param secret the secret the receiving end checks
     * @return the new import; this one is unchanged
     * @throws IllegalStateException when the document has no {@code request} action to carry the secret, or
     *                               this import already carries a different secret
     */
    public SubscriptionImport withSecretInUrl(WebhookSecret secret) {
        Objects.requireNonNull(secret, "secret");
        return withRequests(secret, params -> params.put("url", withQueryParameter(String.valueOf(
                params.getOrDefault("url", "")), secret.value())));
    }

    /**
     * A copy of this import carrying a newly {@linkplain WebhookSecret#generate() generated} secret in the header,
     * as {@link #withSecret} does; read it with {@link #secret()} and give it to your receiver.
     *
     * @return the new import; this one is unchanged
     * @throws IllegalStateException when the document has no {@code request} action to carry the secret
     */
    public SubscriptionImport withGeneratedSecret() {
        return withSecret(WebhookSecret.generate());
    }

    /**
     * The secret the {@code request} actions carry, when it was added by {@link #withSecret},
     * {@link #withSecretInUrl} or {@link #withGeneratedSecret()}. An import carries one secret (in the header, the
     * URL or both): adding a different one fails.
     *
     * @return the secret, or empty
     */
    public Optional<WebhookSecret> secret() {
        return Optional.ofNullable(secret);
    }

    /** A copy with every request action's params changed by {@code change}. */
    private SubscriptionImport withRequests(WebhookSecret added, Consumer<Map<String, Object>> change) {
        if (secret != null && !secret.equals(added)) {
            throw new IllegalStateException("this subscription already carries another webhook secret; a receiver"
                    + " needs every secret a delivery presents to match, so start from a new subscription instead");
        }
        ScenarioDocument copy = document();
        List<ScenarioComponent> actions = copy.getActions() == null ? List.of() : copy.getActions();
        List<ScenarioComponent> requests = actions.stream().filter(a -> REQUEST.equals(a.getName()))
                .collect(Collectors.toList());
        if (requests.isEmpty()) {
            throw new IllegalStateException("the scenario " + quoted(copy.getName()) + " has no request action,"
                    + " so no delivery could carry a webhook secret; add one (ScenarioComponents.request)");
        }
        for (ScenarioComponent request : requests) {
            Map<String, Object> params = request.getParams() == null ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(request.getParams());
            change.accept(params);
            request.setParams(params);
        }
        SubscriptionImport next = new SubscriptionImport(copy);
        next.status = status;
        next.authorUid = authorUid;
        next.secret = added;
        return next;
    }

    /** {@code url} with {@code name=value} as its last query parameter, before any fragment. */
    static String withQueryParameter(String url, String value) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        int question = base.indexOf('?');
        String path = question < 0 ? base : base.substring(0, question);
        StringBuilder query = new StringBuilder();
        if (question >= 0) {
            for (String pair : base.substring(question + 1).split("&", -1)) {
                String name = pair.indexOf('=') < 0 ? pair : pair.substring(0, pair.indexOf('='));
                if (!pair.isEmpty() && !name.equals(WebhookSecret.QUERY_PARAMETER)) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append(WebhookSecret.QUERY_PARAMETER).append('=').append(URLEncoder.encode(value,
                StandardCharsets.UTF_8));
        return path + "?" + query + fragment;
    }

    private static String quoted(@Nullable String name) {
        return name == null ? "(unnamed)" : "\"" + name + "\"";
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
