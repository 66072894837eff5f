package com.texterchat.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.internal.EncodedPathContract;
import com.texterchat.client.internal.TexterDecoder;
import com.texterchat.client.json.TexterJson;
import com.texterchat.generated.api.ChannelsApi;
import com.texterchat.generated.api.ChatsApi;
import com.texterchat.generated.api.EventSubscriptionsApi;
import com.texterchat.generated.api.FilesApi;
import com.texterchat.generated.api.LabelsApi;
import com.texterchat.generated.api.MessagesApi;
import com.texterchat.generated.api.QuickRepliesApi;
import com.texterchat.generated.api.ScenariosApi;
import com.texterchat.generated.api.TemplateSubscriptionsApi;
import com.texterchat.generated.api.TemplatesApi;
import feign.Feign;
import feign.Request;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Entry point of the SDK: one object that talks to one Texter project and hands out the generated API
 * interfaces ({@link #chats()}, {@link #templates()}, ...), all sharing one HTTP connection pool.
 *
 * <pre>{@code
 * TexterClient texter = TexterClient.builder().projectId("demo").token(System.getenv("TEXTER_API_TOKEN")).build();
 * ChatSearchResult found = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("972521234567"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; build one per project and token and reuse it.
 */
public final class TexterClient {

    private static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");

    private final URI baseUrl;
    private final Feign.Builder feign;

    private TexterClient(Builder builder) {
        this.baseUrl = builder.resolveBaseUrl();
        String token = Objects.requireNonNull(builder.token, "token is required");
        ObjectMapper mapper = TexterJson.mapper();
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equals(baseUrl.getScheme())) {
            // Plain HTTP is loopback only (tests); skip the h2c upgrade dance there.
            http.version(HttpClient.Version.HTTP_1_1);
        }
        this.feign = Feign.builder()
                .client(new Http2Client(http.build()))
                .encoder(new JacksonEncoder(mapper))
                .decoder(new TexterDecoder(mapper))
                .contract(new EncodedPathContract())
                .options(new Request.Options(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                        builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS, false))
                .requestInterceptor(template -> template.header("Authorization", "Bearer " + token));
    }

    /** A builder for a client; at least a project ID (or base URL) and a token are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL all operations are relative to, e.g. {@code https://demo.texterchat.com/server/api/v2}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Chats: search, get, assign, resolve, update properties and CRM data. */
    public ChatsApi chats() {
        return api(ChatsApi.class);
    }

    /** Session messages of a chat: read and send. */
    public MessagesApi messages() {
        return api(MessagesApi.class);
    }

    /** WhatsApp templates: list, create, localize, submit, update, delete and send. */
    public TemplatesApi templates() {
        return api(TemplatesApi.class);
    }

    /** Who may receive template messages: unsubscribe, resubscribe, list opted-out recipients. */
    public TemplateSubscriptionsApi templateSubscriptions() {
        return api(TemplateSubscriptionsApi.class);
    }

    /** Labels and the labels of a chat. */
    public LabelsApi labels() {
        return api(LabelsApi.class);
    }

    /** Public links to stored media files. */
    public FilesApi files() {
        return api(FilesApi.class);
    }

    /** Health problems of connected channel accounts. */
    public ChannelsApi channels() {
        return api(ChannelsApi.class);
    }

    /** Quick replies agents send with one click. */
    public QuickRepliesApi quickReplies() {
        return api(QuickRepliesApi.class);
    }

    /** Webhook subscriptions: import, list, activate, inactivate, delete. */
    public EventSubscriptionsApi eventSubscriptions() {
        return api(EventSubscriptionsApi.class);
    }

    /** Advanced scenario editing: drafts, revisions, components and runs. */
    public ScenariosApi scenarios() {
        return api(ScenariosApi.class);
    }

    private <T> T api(Class<T> type) {
        return feign.target(type, baseUrl.toString());
    }

    @Override
    public String toString() {
        return "TexterClient[" + baseUrl + ", token=****]";
    }

    /** Configures a {@link TexterClient}. Not thread-safe; the built client is. */
    public static final class Builder {
        private String projectId;
        private URI baseUrl;
        private String token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * The Texter project ID: the subdomain of your environment ({@code demo} for
         * {@code https://demo.texterchat.com}). Letters, digits and hyphens only.
         */
        public Builder projectId(String projectId) {
            Objects.requireNonNull(projectId, "projectId");
            if (!PROJECT_ID.matcher(projectId).matches()) {
                throw new IllegalArgumentException("projectId must be 1-63 letters, digits or hyphens"
                        + " (the subdomain of <projectId>.texterchat.com), got '" + projectId + "'");
            }
            this.projectId = projectId;
            return this;
        }

        /**
         * Overrides the base URL (a proxy, or a test server). Must be {@code https}, except on a loopback
         * address where {@code http} is allowed.
         */
        public Builder baseUrl(String baseUrl) {
            URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got '" + baseUrl + "'");
            }
            if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("baseUrl must use https; plain http is only allowed for "
                        + "loopback hosts, got '" + baseUrl + "'");
            }
            String text = uri.toString();
            this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            return this;
        }

        /** The API token (Bearer). It never appears in logs, exception messages or {@code toString()}. */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            this.token = token;
            return this;
        }

        /** How long to wait for a TCP/TLS connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for a response once the request is sent (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** Builds the client. */
        public TexterClient build() {
            return new TexterClient(this);
        }

        private URI resolveBaseUrl() {
            if (baseUrl != null) {
                return baseUrl;
            }
            if (projectId == null) {
                throw new IllegalStateException("projectId (or baseUrl) is required");
            }
            return URI.create("https://" + projectId + ".texterchat.com/server/api/v2");
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static boolean isLoopback(String host) {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
        }

        @Override
        public String toString() {
            return "TexterClient.Builder[projectId=" + projectId + ", baseUrl=" + baseUrl + ", token="
                    + (token == null ? "unset" : "****") + "]";
        }
    }
}
