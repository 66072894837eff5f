package com.texterchat.spring.boot;

import com.texterchat.client.HttpLogLevel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code texter.*} properties of the starter. Unset values keep the client's defaults. The token comes from
 * {@code texter.token} or, when that is unset, from {@code TEXTER_API_TOKEN} (an environment variable or any other
 * property source, a secret store included); it never appears in {@link #toString()}, nor does the webhook secret.
 *
 * <pre>
 * texter.project-id=demo
 * texter.token=${TEXTER_API_TOKEN}
 * texter.webhook.path=/texter/webhook
 * texter.webhook.secret=${TEXTER_WEBHOOK_SECRET}
 * </pre>
 */
@ConfigurationProperties(prefix = "texter")
public class TexterProperties {

    /**
     * The Texter project ID, the subdomain of {@code <project-id>.texterchat.com}. When unset, TEXTER_PROJECT_ID is
     * read.
     */
    private @Nullable String projectId;

    /**
     * The API token (Bearer), never logged. When unset, TEXTER_API_TOKEN is read from the environment or any other
     * property source.
     */
    private @Nullable String token;

    /** Overrides the base URL derived from the project ID (a proxy or a test server); https, or http on loopback. */
    private @Nullable String baseUrl;

    /** How long to wait for a connection (client default 10s). */
    private @Nullable Duration connectTimeout;

    /** How long to wait for a whole answer, per attempt (client default 30s). */
    private @Nullable Duration readTimeout;

    /** The deadline of one call, retries included (client default 60s). */
    private @Nullable Duration callTimeout;

    /** The most bytes an answer may have (client default 16 MiB). */
    private @Nullable Long maxResponseSize;

    /** What the client logs per request under com.texterchat.client.http (credentials always masked). */
    private HttpLogLevel logLevel = HttpLogLevel.NONE;

    /** Retries of failed calls. */
    private final Retry retry = new Retry();

    /** The webhook endpoint. */
    private final Webhook webhook = new Webhook();

    /** The Actuator health indicator "texter". */
    private final Health health = new Health();

    /** @return the project ID, or {@code null} when unset */
    public @Nullable String getProjectId() {
        return projectId;
    }

    /** @param projectId the project ID */
    public void setProjectId(@Nullable String projectId) {
        this.projectId = projectId;
    }

    /** @return the token, or {@code null} when unset */
    public @Nullable String getToken() {
        return token;
    }

    /** @param token the API token */
    public void setToken(@Nullable String token) {
        this.token = token;
    }

    /** @return the base URL, or {@code null} when unset */
    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the base URL */
    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the connect timeout, or {@code null} for the client's default */
    public @Nullable Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the connect timeout */
    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the read timeout, or {@code null} for the client's default */
    public @Nullable Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout the read timeout */
    public void setReadTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return the call timeout, or {@code null} for the client's default */
    public @Nullable Duration getCallTimeout() {
        return callTimeout;
    }

    /** @param callTimeout the call timeout */
    public void setCallTimeout(@Nullable Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @return the response size limit in bytes, or {@code null} for the client's default */
    public @Nullable Long getMaxResponseSize() {
        return maxResponseSize;
    }

    /** @param maxResponseSize the response size limit in bytes */
    public void setMaxResponseSize(@Nullable Long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /** @return the HTTP log level */
    public HttpLogLevel getLogLevel() {
        return logLevel;
    }

    /** @param logLevel the HTTP log level */
    public void setLogLevel(HttpLogLevel logLevel) {
        this.logLevel = logLevel;
    }

    /** @return the retry settings */
    public Retry getRetry() {
        return retry;
    }

    /** @return the webhook endpoint's settings */
    public Webhook getWebhook() {
        return webhook;
    }

    /** @return the health indicator's settings */
    public Health getHealth() {
        return health;
    }

    @Override
    public String toString() {
        return "TexterProperties[projectId=" + projectId + ", token=" + (token == null ? "unset" : "****")
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout + ", maxResponseSize=" + maxResponseSize + ", logLevel=" + logLevel
                + ", " + retry + ", " + webhook + ", " + health + "]";
    }

    /** The {@code texter.retry.*} properties: how failed calls are retried. */
    public static class Retry {

        /** Whether failed calls are retried at all (the client's retry policy, or none). */
        private boolean enabled = true;

        /** How many times a call may be repeated (client default 2). */
        private @Nullable Integer maxRetries;

        /** The wait before the first retry, doubled for each next one with jitter (client default 500ms). */
        private @Nullable Duration initialBackoff;

        /** The longest wait between two attempts (client default 10s). */
        private @Nullable Duration maxBackoff;

        /** The longest Retry-After wait honoured; a longer one ends the call with the 429 (client default 30s). */
        private @Nullable Duration maxRetryAfter;

        /** @return whether failed calls are retried */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether failed calls are retried */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the most retries, or {@code null} for the client's default */
        public @Nullable Integer getMaxRetries() {
            return maxRetries;
        }

        /** @param maxRetries the most retries */
        public void setMaxRetries(@Nullable Integer maxRetries) {
            this.maxRetries = maxRetries;
        }

        /** @return the first backoff, or {@code null} for the client's default */
        public @Nullable Duration getInitialBackoff() {
            return initialBackoff;
        }

        /** @param initialBackoff the first backoff */
        public void setInitialBackoff(@Nullable Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /** @return the longest backoff, or {@code null} for the client's default */
        public @Nullable Duration getMaxBackoff() {
            return maxBackoff;
        }

        /** @param maxBackoff the longest backoff */
        public void setMaxBackoff(@Nullable Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /** @return the longest Retry-After honoured, or {@code null} for the client's default */
        public @Nullable Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /** @param maxRetryAfter the longest Retry-After honoured */
        public void setMaxRetryAfter(@Nullable Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }

        @Override
        public String toString() {
            return "Retry[enabled=" + enabled + ", maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
                    + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "]";
        }
    }

    /** The {@code texter.webhook.*} properties: the endpoint Texter's subscriptions deliver to. */
    public static class Webhook {

        /**
         * Whether the endpoint is registered (in a servlet web application, when a secret is set): a delivery without
         * the secret is refused with 401.
         */
        private boolean enabled = true;

        /** The path of the endpoint (POST). */
        private String path = "/texter/webhook";

        /**
         * The secret every delivery must carry (the header or URL token that the subscription was imported with);
         * without it the endpoint is not registered. Never logged.
         */
        private @Nullable String secret;

        /** @return whether the endpoint is registered */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the endpoint is registered */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the endpoint's path */
        public String getPath() {
            return path;
        }

        /** @param path the endpoint's path, starting with a slash */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the secret, or {@code null} when unset */
        public @Nullable String getSecret() {
            return secret;
        }

        /** @param secret the secret deliveries carry */
        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        @Override
        public String toString() {
            return "Webhook[enabled=" + enabled + ", path=" + path + ", secret=" + (secret == null ? "unset" : "****")
                    + "]";
        }
    }

    /** The {@code texter.health.*} properties: the Actuator health indicator "texter". */
    public static class Health {

        /** Whether the indicator is registered (when Spring Boot Actuator is present). */
        private boolean enabled = true;

        /** How long one answer of List Channel Health Problems is reused, so health checks do not hammer Texter. */
        private Duration cacheFor = Duration.ofSeconds(30);

        /** @return whether the indicator is registered */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the indicator is registered */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return how long an answer is reused */
        public Duration getCacheFor() {
            return cacheFor;
        }

        /** @param cacheFor how long an answer is reused; zero asks Texter on every check */
        public void setCacheFor(Duration cacheFor) {
            this.cacheFor = cacheFor;
        }

        @Override
        public String toString() {
            return "Health[enabled=" + enabled + ", cacheFor=" + cacheFor + "]";
        }
    }
}
