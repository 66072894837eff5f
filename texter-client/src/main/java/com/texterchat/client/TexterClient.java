package com.texterchat.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.internal.AsyncRetryingClient;
import com.texterchat.client.internal.CallContext;
import com.texterchat.client.internal.ClientResources;
import com.texterchat.client.internal.CustomHeaders;
import com.texterchat.client.internal.JdkHttpTransport;
import com.texterchat.client.internal.Lazy;
import com.texterchat.client.internal.Listeners;
import com.texterchat.client.internal.LoggingClient;
import com.texterchat.client.internal.OperationCatalog;
import com.texterchat.client.internal.PlainHttpTls;
import com.texterchat.client.internal.Redactor;
import com.texterchat.client.internal.RetryingClient;
import com.texterchat.client.internal.SdkVersion;
import com.texterchat.client.internal.TexterContract;
import com.texterchat.client.internal.TexterDecoder;
import com.texterchat.client.internal.TexterEncoder;
import com.texterchat.client.internal.TexterErrorDecoder;
import com.texterchat.client.internal.TexterInvocationHandlerFactory;
import com.texterchat.client.internal.TexterTarget;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.paging.TexterPaging;
import com.texterchat.api.ChannelsApi;
import com.texterchat.api.ChatsApi;
import com.texterchat.api.EventSubscriptionsApi;
import com.texterchat.api.FilesApi;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.ScenariosApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.api.TemplatesApi;
import feign.AsyncFeign;
import feign.BaseBuilder;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the SDK: one object that talks to one Texter project and hands out the generated API
 * interfaces ({@link #chats()}, {@link #templates()}, ...), all sharing one HTTP connection pool.
 *
 * <pre>{@code
 * TexterClient texter = TexterClient.builder().projectId("demo").token(System.getenv("TEXTER_API_TOKEN")).build();
 * ChatSearchResult found = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("972521234567"));
 * }</pre>
 *
 * <p>Every call made through the client:
 * <ul>
 *   <li>sends the token as {@code Authorization: Bearer ...} and a {@code User-Agent} naming this SDK;</li>
 *   <li>fails with a {@link com.texterchat.client.error.TexterException} subclass (see
 *       {@code com.texterchat.client.error}), including when Texter answers 200 with {@code success: false};</li>
 *   <li>is retried as the {@link RetryPolicy} allows, never repeating a POST or PATCH that may have been processed;</li>
 *   <li>is bounded by the connect and read timeouts (defaults 10 s and 30 s) for each attempt, the read timeout
 *       covering the whole response, body included, and by the call timeout (default 60 s) for all attempts and
 *       the waits between them together;</li>
 *   <li>reads at most {@link Builder#maxResponseSize(long)} bytes of a response (default 16 MiB), asks for gzip and
 *       decodes it;</li>
 *   <li>encodes path parameters completely, and refuses ones that would change the path ({@code "."},
 *       {@code ".."}, empty);</li>
 *   <li>sends {@code null} for an optional request body (Resolve Chat, Generate Public Media URL, the scenario
 *       draft, revision, activate and inactivate calls) as a request without a body, and refuses {@code null} for a
 *       path parameter or a required body with an {@link IllegalArgumentException} naming the operation, before
 *       anything is sent.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; build one per project and token and reuse it. A client owns threads
 * and connections: {@link #close()} it (or use try-with-resources) when it is no longer needed.
 */
public final class TexterClient implements AutoCloseable {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");
    private static final int MIN_TOKEN_LENGTH = 8;
    private static final String AUTHENTICATOR_REFUSED = "the HttpClient must not have an Authenticator: with one,"
            + " the JDK 17 HTTP client drops the Authorization header that carries the API token; for a proxy that"
            + " asks for a password use TexterClient.Builder.proxyCredentials(username, password)";
    private static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");

    private final URI baseUrl;
    private final RetryPolicy retryPolicy;
    private final HttpLogLevel logLevel;
    private final Duration callTimeout;
    private final Redactor redactor;
    /** How the client was configured, for {@link #toBuilder()}: a copy, never handed out. */
    private final Builder settings;
    /** What a view made by {@link #withOptions} changes; {@link CallOptions#none()} for the client itself. */
    private final CallOptions options;
    /** Whether this is a view: it owns no resources and closing it does nothing. */
    private final boolean view;
    private final @Nullable TexterClient rootClient;
    private final ClientResources resources;
    private final RetryingClient retrying;
    private final Lazy<ChatsApi> chats;
    private final Lazy<MessagesApi> messages;
    private final Lazy<TemplatesApi> templates;
    private final Lazy<TemplateSubscriptionsApi> templateSubscriptions;
    private final Lazy<LabelsApi> labels;
    private final Lazy<FilesApi> files;
    private final Lazy<ChannelsApi> channels;
    private final Lazy<QuickRepliesApi> quickReplies;
    private final Lazy<EventSubscriptionsApi> eventSubscriptions;
    private final Lazy<ScenariosApi> scenarios;
    private final Lazy<TexterPaging> paging;
    private final Lazy<TexterAsyncClient> async;
    private volatile @Nullable AsyncRetryingClient asyncRetrying;

    private TexterClient(Builder builder) {
        this.baseUrl = builder.resolveBaseUrl();
        if (builder.token == null) {
            throw new IllegalStateException("token is required");
        }
        if (builder.userHttpClient != null && (!builder.httpCustomizers.isEmpty() || builder.connectTimeoutSet)) {
            throw new IllegalStateException("httpClient(HttpClient) cannot be combined with httpClient(Consumer) or"
                    + " connectTimeout: a client of your own keeps its own settings");
        }
        this.retryPolicy = builder.retryPolicy;
        this.logLevel = builder.logLevel;
        this.callTimeout = builder.callTimeout;
        this.settings = builder.copy();
        this.options = CallOptions.none();
        this.view = false;
        this.rootClient = null;
        Redactor redactor = new Redactor(builder.token);
        this.redactor = redactor;
        ObjectMapper mapper = TexterJson.mapper();
        if (Boolean.getBoolean("jdk.httpclient.enableAllMethodRetry")) {
            LoggerFactory.getLogger(TexterClient.class).warn("The system property jdk.httpclient.enableAllMethodRetry"
                    + " is set: the JDK HTTP client may then resend a POST whose connection broke, which can send a"
                    + " Texter message twice. Unset it.");
        }
        // Sent with every request; TexterTarget attaches them without Feign's per-call header templating.
        Map<String, String> clientHeaders = new LinkedHashMap<>(builder.defaultHeaders);
        clientHeaders.put("Authorization", "Bearer " + builder.token);
        clientHeaders.put("User-Agent", SdkVersion.userAgent());
        if (builder.proxyAuthorization != null) {
            // The JDK sends Proxy-* headers only to a proxy (on CONNECT, or on a plain request through it), never to
            // Texter itself; preemptive, as the JDK client cannot answer a 407 without an Authenticator.
            clientHeaders.put("Proxy-Authorization", builder.proxyAuthorization);
        }
        TexterContract contract = new TexterContract();
        this.resources = builder.userHttpClient != null ? ClientResources.borrowing(builder.userHttpClient)
                : new ClientResources(httpClientBuilder(builder), http -> {
                    builder.httpCustomizers.forEach(customizer -> customizer.accept(http));
                    // what the SDK relies on, whatever the customizers did: its connect timeout, and no redirects
                    // (a redirect would take the token along to wherever it points)
                    http.connectTimeout(builder.connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
                });
        if (resources.http().authenticator().isPresent()) {
            resources.close();
            throw new IllegalArgumentException(AUTHENTICATOR_REFUSED);
        }
        long maxResponseSize = builder.maxResponseSize;
        Listeners listeners = new Listeners(builder.listeners, redactor);
        this.retrying = new RetryingClient(new LoggingClient(new JdkHttpTransport(resources.http(),
                maxResponseSize), logLevel, redactor), retryPolicy, callTimeout, redactor, listeners);
        Request.Options options = new Request.Options(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS, false);
        TexterEncoder encoder = new TexterEncoder(mapper);
        TexterDecoder decoder = new TexterDecoder(mapper, redactor);
        TexterErrorDecoder errorDecoder = new TexterErrorDecoder(mapper, redactor, OperationCatalog::fromClasspath);
        // Calls of the generated methods skip Feign's per-call template machinery (see RequestPlan).
        TexterInvocationHandlerFactory.Direct direct = new TexterInvocationHandlerFactory.Direct(retrying, options,
                encoder, decoder, errorDecoder, contract);
        Feign.Builder feign = common(Feign.builder().client(retrying), encoder, decoder, errorDecoder, contract,
                options, new TexterInvocationHandlerFactory(redactor, direct));
        // Each API is set up on first use: Feign reads every method's annotations when it makes one, and most
        // applications use a few of the ten.
        Apis apis = new Apis(feign, baseUrl.toString(), contract, clientHeaders);
        this.chats = apis.lazy(ChatsApi.class);
        this.messages = apis.lazy(MessagesApi.class);
        this.templates = apis.lazy(TemplatesApi.class);
        this.templateSubscriptions = apis.lazy(TemplateSubscriptionsApi.class);
        this.labels = apis.lazy(LabelsApi.class);
        this.files = apis.lazy(FilesApi.class);
        this.channels = apis.lazy(ChannelsApi.class);
        this.quickReplies = apis.lazy(QuickRepliesApi.class);
        this.eventSubscriptions = apis.lazy(EventSubscriptionsApi.class);
        this.scenarios = apis.lazy(ScenariosApi.class);
        this.paging = new Lazy<>(apis.lock, () -> new TexterPaging(chats(), messages(), quickReplies(), labels(),
                templateSubscriptions(), scenarios()));
        // The asynchronous view, on first use: the same pipeline over sendAsync, and a timer thread for its waits.
        this.async = new Lazy<>(apis.lock, () -> {
            AsyncRetryingClient client = new AsyncRetryingClient(resources::http, maxResponseSize, logLevel,
                    retryPolicy, callTimeout, redactor, listeners);
            asyncRetrying = client;
            AsyncFeign.AsyncBuilder<Object> asyncFeign = common(AsyncFeign.builder().client(client), encoder,
                    decoder, errorDecoder, contract, options, new TexterInvocationHandlerFactory(redactor, direct,
                            client));
            return new TexterAsyncClient(new TexterAsyncClient.Apis() {
                @Override
                public <T> Lazy<T> lazy(Class<T> api) {
                    return new Lazy<>(apis.lock, () -> asyncFeign.target(new TexterTarget<>(api, baseUrl.toString(),
                            contract, clientHeaders)));
                }

                @Override
                public Object lock() {
                    return apis.lock;
                }
            });
        });
    }

    /** The settings the blocking and the asynchronous Feign builders share. */
    private static <B extends BaseBuilder<B, ?>> B common(B builder, TexterEncoder encoder, TexterDecoder decoder,
            TexterErrorDecoder errorDecoder, TexterContract contract, Request.Options options,
            TexterInvocationHandlerFactory handlers) {
        return builder.retryer(Retryer.NEVER_RETRY)
                .encoder(encoder)
                .decoder(decoder)
                .errorDecoder(errorDecoder)
                .contract(contract)
                .invocationHandlerFactory(handlers)
                .options(options);
    }

    /** A view of a client with other options, sharing its connections, threads and API proxies. */
    private TexterClient(TexterClient parent, CallOptions added) {
        this.baseUrl = parent.baseUrl;
        this.logLevel = parent.logLevel;
        this.redactor = parent.redactor;
        this.settings = parent.settings;
        this.resources = parent.resources;
        this.retrying = parent.retrying;
        this.view = true;
        CallOptions merged = parent.options.and(added);
        this.options = merged;
        TexterClient root = parent.view ? parent.root() : parent;
        this.retryPolicy = merged.retryPolicy().orElse(root.retryPolicy);
        this.callTimeout = merged.callTimeout().orElse(root.callTimeout);
        this.rootClient = root;
        Object lock = new Object();
        this.chats = new Lazy<>(lock, () -> withOptions(ChatsApi.class, root.chats(), merged));
        this.messages = new Lazy<>(lock, () -> withOptions(MessagesApi.class, root.messages(), merged));
        this.templates = new Lazy<>(lock, () -> withOptions(TemplatesApi.class, root.templates(), merged));
        this.templateSubscriptions = new Lazy<>(lock, () -> withOptions(TemplateSubscriptionsApi.class,
                root.templateSubscriptions(), merged));
        this.labels = new Lazy<>(lock, () -> withOptions(LabelsApi.class, root.labels(), merged));
        this.files = new Lazy<>(lock, () -> withOptions(FilesApi.class, root.files(), merged));
        this.channels = new Lazy<>(lock, () -> withOptions(ChannelsApi.class, root.channels(), merged));
        this.quickReplies = new Lazy<>(lock, () -> withOptions(QuickRepliesApi.class, root.quickReplies(), merged));
        this.eventSubscriptions = new Lazy<>(lock, () -> withOptions(EventSubscriptionsApi.class,
                root.eventSubscriptions(), merged));
        this.scenarios = new Lazy<>(lock, () -> withOptions(ScenariosApi.class, root.scenarios(), merged));
        this.paging = new Lazy<>(lock, () -> new TexterPaging(chats(), messages(), quickReplies(), labels(),
                templateSubscriptions(), scenarios()));
        // The view's asynchronous APIs: the root's, each call made with the options (read when the call starts)
        this.async = new Lazy<>(lock, () -> new TexterAsyncClient(new TexterAsyncClient.Apis() {
            @Override
            public <T> Lazy<T> lazy(Class<T> api) {
                return new Lazy<>(lock, () -> withOptions(api, root.async().api(api), merged));
            }

            @Override
            public Object lock() {
                return lock;
            }
        }));
    }

    private TexterClient root() {
        return rootClient == null ? this : rootClient;
    }

    /**
     * The API of the client itself behind a proxy that makes each call with the options: one JDK proxy per API and
     * view, no Feign set-up of its own.
     */
    private static <T> T withOptions(Class<T> api, T target, CallOptions options) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return api.getSimpleName() + " with " + options;
                }
            }
            return CallContext.withOptions(options, () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    private static HttpClient.Builder httpClientBuilder(Builder builder) {
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equals(builder.resolveBaseUrl().getScheme())) {
            // Plain HTTP is loopback only (tests, local proxies); skip the h2c upgrade dance there, and the set-up
            // of TLS, which such a client never uses (a customizer may still set a context of its own).
            http.version(HttpClient.Version.HTTP_1_1).sslContext(PlainHttpTls.context());
        }
        return http;
    }

    /**
     * A view of this client whose calls go with other options: a call timeout, a read timeout, a retry policy, extra
     * headers. The view shares this client's connection pool, threads, listeners and API set-up, so making one is
     * cheap (a few small objects; each API group a JDK proxy on first use): one per request is fine.
     *
     * <pre>{@code
     * client.withOptions(o -> o.header("X-Request-Id", requestId).retryPolicy(r -> r.maxRetries(0)))
     *         .messages().sendMessage(chatId, message);
     * }</pre>
     *
     * <p>A view of a view combines both, the later options winning. Closing a view does nothing; closing the client
     * it came from ends the view's calls too. {@code retryPolicy(Consumer)} in the options starts from this client's
     * policy.
     *
     * @param change sets the options
     * @return the view
     * @throws IllegalArgumentException when an option is refused (e.g. a header the SDK sets itself)
     */
    public TexterClient withOptions(Consumer<CallOptions.Builder> change) {
        Objects.requireNonNull(change, "change");
        CallOptions.Builder builder = CallOptions.builder().basePolicy(retryPolicy);
        change.accept(builder);
        return withOptions(builder.build());
    }

    /**
     * A view of this client whose calls go with the given options; see {@link #withOptions(Consumer)}.
     *
     * @param options the options
     * @return the view
     */
    public TexterClient withOptions(CallOptions options) {
        return new TexterClient(this, Objects.requireNonNull(options, "options"));
    }

    /**
     * The options this client's calls go with: {@link CallOptions#none()} for a client made by a builder, the
     * combined options for a view made by {@link #withOptions(Consumer)}.
     *
     * @return the options
     */
    public CallOptions options() {
        return options;
    }

    /**
     * A builder with every setting of this client (for a view, with the view's options as the client-wide
     * settings), to build another, independent client: {@code client.toBuilder().logLevel(HttpLogLevel.BASIC)
     * .build()}. The new client has connections and threads of its own (or the same {@code HttpClient} when one
     * was given with {@link Builder#httpClient(HttpClient)}).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = settings.copy();
        options.callTimeout().ifPresent(builder::callTimeout);
        options.readTimeout().ifPresent(builder::readTimeout);
        options.retryPolicy().ifPresent(builder::retryPolicy);
        options.headers().forEach(builder::defaultHeader);
        return builder;
    }

    /**
     * Makes calls and returns, besides what they return, the full answer of the last one: status, headers and the
     * raw body. Works for every operation, through any client or view, including paging and the flows of the
     * entry object:
     *
     * <pre>{@code
     * TexterResponse<ChatPublicView> response = client.withRawResponse(c -> c.chats().getChat(chatId));
     * int status = response.status();
     * Optional<String> requestId = response.header("X-Request-Id");
     * byte[] json = response.rawBody();
     * ChatPublicView chat = response.body();
     * }</pre>
     *
     * <p>The answers are captured on the calling thread while the function runs; a call that fails throws as usual
     * ({@link com.texterchat.client.error.TexterHttpException#headers()} has the headers of an error answer).
     *
     * @param calls the call to make, given this client
     * @param <T>   what it returns
     * @return the answer, with what the function returned as its body
     * @throws IllegalStateException when the function made no call
     */
    public <T extends @Nullable Object> TexterResponse<T> withRawResponse(Function<? super TexterClient, T> calls) {
        Objects.requireNonNull(calls, "calls");
        CallContext.Captured<T> captured = CallContext.capturing(() -> calls.apply(this));
        CallContext.Answer answer = captured.answer();
        if (answer == null) {
            throw new IllegalStateException("withRawResponse: the function made no call to Texter");
        }
        return TexterResponse.of(answer.operation(), answer.status(), answer.headers(), captured.result(),
                answer.body());
    }

    /**
     * A builder for a client; at least a project ID (or base URL) and a token are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the process environment: {@code TEXTER_PROJECT_ID}, {@code TEXTER_API_TOKEN} and,
     * optionally, {@code TEXTER_BASE_URL} (which takes precedence over the project ID).
     *
     * @return the client
     * @throws IllegalStateException when a required variable is missing or invalid
     */
    public static TexterClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * A client configured from the given variables, see {@link #fromEnvironment()}.
     *
     * @param environment variables by name
     * @return the client
     * @throws IllegalStateException when a required variable is missing or invalid
     */
    public static TexterClient fromEnvironment(Map<String, String> environment) {
        return builder().environment(environment).build();
    }

    /**
     * The base URL all operations are relative to, e.g. {@code https://demo.texterchat.com/server/api/v2}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The retry policy of this client.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Chats: search, get, assign, resolve, update properties and CRM data.
     *
     * @return the chats API
     */
    public ChatsApi chats() {
        return chats.get();
    }

    /**
     * Session messages of a chat: read and send.
     *
     * @return the messages API
     */
    public MessagesApi messages() {
        return messages.get();
    }

    /**
     * WhatsApp templates: list, create, localize, submit, update, delete and send.
     *
     * @return the templates API
     */
    public TemplatesApi templates() {
        return templates.get();
    }

    /**
     * Who may receive template messages: unsubscribe, resubscribe, list opted-out recipients.
     *
     * @return the template subscriptions API
     */
    public TemplateSubscriptionsApi templateSubscriptions() {
        return templateSubscriptions.get();
    }

    /**
     * Labels and the labels of a chat.
     *
     * @return the labels API
     */
    public LabelsApi labels() {
        return labels.get();
    }

    /**
     * Public links to stored media files.
     *
     * @return the files API
     */
    public FilesApi files() {
        return files.get();
    }

    /**
     * Health problems of connected channel accounts.
     *
     * @return the channels API
     */
    public ChannelsApi channels() {
        return channels.get();
    }

    /**
     * Quick replies agents send with one click.
     *
     * @return the quick replies API
     */
    public QuickRepliesApi quickReplies() {
        return quickReplies.get();
    }

    /**
     * Webhook subscriptions: import, list, activate, inactivate, delete.
     *
     * @return the event subscriptions API
     */
    public EventSubscriptionsApi eventSubscriptions() {
        return eventSubscriptions.get();
    }

    /**
     * Advanced scenario editing: drafts, revisions, components and runs.
     *
     * @return the scenarios API
     */
    public ScenariosApi scenarios() {
        return scenarios.get();
    }

    /**
     * The paged lists (chats, a chat's messages, quick replies, labels, unsubscribed users, scenario runs) as lazy
     * sequences that fetch the next page only when it is reached.
     *
     * @return the paging helper
     */
    public TexterPaging paging() {
        return paging.get();
    }

    /**
     * The asynchronous view of this client: the same operations returning {@link java.util.concurrent.CompletableFuture}s,
     * on the same connection pool, retries, timeouts, limits, logging and errors (see {@link TexterAsyncClient}).
     * Made on first use (with the one timer thread it adds); later calls return the same view.
     *
     * @return the asynchronous view
     */
    public TexterAsyncClient async() {
        return async.get();
    }

    /**
     * The deadline of one call: all its attempts and the waits between them.
     *
     * @return the call timeout
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * Releases the client's threads and connections. Afterwards every call through it, or through an API it handed
     * out, fails with an {@link IllegalStateException} before anything is sent; a call under way when it is closed
     * ends with a {@link com.texterchat.client.error.TexterIoException} or completes. Closing again does nothing.
     * A view made by {@link #withOptions(Consumer)} owns nothing: closing it does nothing. A JDK client given with
     * {@link Builder#httpClient(HttpClient)} is not closed either: it is the application's.
     */
    @Override
    public void close() {
        if (view) {
            return;
        }
        retrying.close();
        AsyncRetryingClient asyncClient = asyncRetrying;
        if (asyncClient != null) {
            asyncClient.close();
        }
        resources.close();
    }

    @Override
    public String toString() {
        return "TexterClient[" + baseUrl + ", token=" + Redactor.MASK + ", " + retryPolicy + ", logLevel=" + logLevel
                + ", callTimeout=" + callTimeout + (view ? ", view with " + options : "") + "]";
    }

    /** Configures a {@link TexterClient}. Not thread-safe; the built client is. */
    public static final class Builder {
        private @Nullable String projectId;
        private @Nullable URI baseUrl;
        private @Nullable String token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpLogLevel logLevel = HttpLogLevel.NONE;
        private long maxResponseSize = JdkHttpTransport.DEFAULT_MAX_RESPONSE_SIZE;
        private final List<TexterListener> listeners = new ArrayList<>();
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private final List<Consumer<HttpClient.Builder>> httpCustomizers = new ArrayList<>();
        private @Nullable HttpClient userHttpClient;
        private boolean connectTimeoutSet;
        private @Nullable String proxyAuthorization;

        private Builder() {
        }

        /** A copy, so that a client keeps its settings whatever happens to the builder later. */
        private Builder copy() {
            Builder copy = new Builder();
            copy.projectId = projectId;
            copy.baseUrl = baseUrl;
            copy.token = token;
            copy.connectTimeout = connectTimeout;
            copy.readTimeout = readTimeout;
            copy.callTimeout = callTimeout;
            copy.retryPolicy = retryPolicy;
            copy.logLevel = logLevel;
            copy.maxResponseSize = maxResponseSize;
            copy.listeners.addAll(listeners);
            copy.defaultHeaders.putAll(defaultHeaders);
            copy.httpCustomizers.addAll(httpCustomizers);
            copy.userHttpClient = userHttpClient;
            copy.connectTimeoutSet = connectTimeoutSet;
            copy.proxyAuthorization = proxyAuthorization;
            return copy;
        }

        /**
         * The Texter project ID: the subdomain of your environment ({@code demo} for
         * {@code https://demo.texterchat.com}). Letters, digits and hyphens only, so no other host can be reached
         * through it.
         *
         * @param projectId the project ID
         * @return this builder
         */
        public Builder projectId(String projectId) {
            Objects.requireNonNull(projectId, "projectId");
            if (!PROJECT_ID.matcher(projectId).matches()) {
                throw new IllegalArgumentException("projectId must be 1-63 letters, digits or hyphens, not starting or"
                        + " ending with a hyphen (the subdomain of <projectId>.texterchat.com), got "
                        + (projectId.length() <= 63 ? "'" + projectId + "'" : "a value of " + projectId.length()
                        + " characters"));
            }
            this.projectId = projectId;
            return this;
        }

        /**
         * Overrides the base URL (a proxy, or a test server); it replaces the URL derived from the project ID.
         * Must be {@code https}, except on a loopback address where {@code http} is allowed; a host is required, the
         * port (when given) must be 1-65535, and user info, a query or a fragment are refused. Scheme and host are
         * case-insensitive (RFC 3986) and kept in lower case: {@code HTTPS://Proxy.Example.com/x} becomes
         * {@code https://proxy.example.com/x}.
         *
         * @param baseUrl e.g. {@code https://proxy.example.com/texter/server/api/v2}
         * @return this builder
         * @throws IllegalArgumentException when the URL is not one the client can send requests to
         */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage(), e);
            }
            if (uri.getScheme() == null || uri.isOpaque()) {
                throw new IllegalArgumentException("baseUrl must be an absolute https URL such as"
                        + " https://proxy.example.com/server/api/v2, got '" + baseUrl + "'");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                throw new IllegalArgumentException("baseUrl must use https (or http on a loopback host), not the"
                        + " scheme '" + uri.getScheme() + "'");
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not contain user info, a query or a fragment, got '"
                        + scheme + "://" + (uri.getHost() == null ? "" : uri.getHost()) + "...'");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("baseUrl must name a host (letters, digits, hyphens and dots, or"
                        + " an IP address), got '" + baseUrl + "'");
            }
            int port = uri.getPort();
            if (port != -1 && (port < 1 || port > 65535)) {
                throw new IllegalArgumentException("baseUrl has the port " + port + "; a port must be 1-65535");
            }
            if (uri.getRawAuthority() != null && uri.getRawAuthority().endsWith(":")) {
                throw new IllegalArgumentException("baseUrl has an empty port, got '" + baseUrl + "'");
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if ("http".equals(scheme) && !isLoopback(host)) {
                throw new IllegalArgumentException("baseUrl must use https; plain http is only allowed for "
                        + "loopback hosts, got '" + baseUrl + "'");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String text = scheme + "://" + host + (port == -1 ? "" : ":" + port)
                    + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            URI normalised = URI.create(text);
            try {
                // The JDK client's own checks, so that a URL passing here cannot fail every call later.
                HttpRequest.newBuilder(URI.create(text + "/chats"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl cannot be used by the HTTP client: " + e.getMessage(), e);
            }
            this.baseUrl = normalised;
            return this;
        }

        /**
         * The API token (Bearer). It never appears in logs, exception messages or {@code toString()}. A token of
         * fewer than 8 characters is refused: it cannot be a real one, and it could not be masked in text without
         * masking unrelated words.
         *
         * @param token the token created in Texter (gear icon, Developers, API Tokens)
         * @return this builder
         */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new IllegalArgumentException("token must not contain whitespace or control characters");
            }
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("token is too short to be a Texter API token (" + token.length()
                        + " characters, at least " + MIN_TOKEN_LENGTH + " expected); copy the whole token from"
                        + " Texter (gear icon, Developers, API Tokens)");
            }
            this.token = token;
            return this;
        }

        /**
         * Reads {@code TEXTER_PROJECT_ID}, {@code TEXTER_API_TOKEN} and the optional {@code TEXTER_BASE_URL} from
         * the given variables (blank values count as unset; surrounding whitespace is ignored). Other settings can
         * be chained afterwards: {@code builder().environment(System.getenv()).logLevel(HttpLogLevel.BASIC)}.
         *
         * @param environment variables by name, e.g. {@code System.getenv()}
         * @return this builder
         * @throws IllegalStateException when a required variable is missing or invalid
         */
        public Builder environment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            String token = variable(environment, "TEXTER_API_TOKEN");
            String project = variable(environment, "TEXTER_PROJECT_ID");
            String url = variable(environment, "TEXTER_BASE_URL");
            if (token == null) {
                throw new IllegalStateException("TEXTER_API_TOKEN is not set");
            }
            if (project == null && url == null) {
                throw new IllegalStateException("TEXTER_PROJECT_ID is not set (nor TEXTER_BASE_URL)");
            }
            if (project != null) {
                fromVariable("TEXTER_PROJECT_ID", () -> projectId(project));
            }
            if (url != null) {
                fromVariable("TEXTER_BASE_URL", () -> baseUrl(url));
            }
            fromVariable("TEXTER_API_TOKEN", () -> token(token));
            return this;
        }

        private static void fromVariable(String name, Runnable setter) {
            try {
                setter.run();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + " is invalid: " + e.getMessage(), e);
            }
        }

        /**
         * How long to wait for a TCP/TLS connection (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * How long to wait for the complete response, headers and body, once the request is sent (default 30 s),
         * per attempt: a body still arriving when it has passed (a stalled or dripping server, an endless body) fails
         * the call with a timeout {@link com.texterchat.client.error.TexterIoException}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * The most bytes a response body may have (default 16 MiB, 16,777,216 bytes; the largest Texter answers,
         * full pages of chats with CRM data, are well under 1 MiB). It is enforced while reading, whatever the
         * response's {@code Content-Length} says, and again on the decoded bytes of a gzip answer: a larger body
         * fails the call with {@link com.texterchat.client.error.TexterResponseTooLargeException} as soon as the
         * limit is crossed, the connection is dropped, and the client stays usable. Not retried.
         *
         * @param bytes the limit, 1 to 2,147,483,639 (a body is held in one array)
         * @return this builder
         * @throws IllegalArgumentException when the limit is out of that range
         */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 1 || bytes > JdkHttpTransport.MAX_RESPONSE_SIZE_LIMIT) {
                throw new IllegalArgumentException("maxResponseSize must be 1.." + JdkHttpTransport.MAX_RESPONSE_SIZE_LIMIT
                        + " bytes, got " + bytes);
            }
            this.maxResponseSize = bytes;
            return this;
        }

        /**
         * The deadline of one call, all attempts and the waits between them included (default 60 s: a full read
         * timeout of 30 s, a retry wait and a second attempt fit into it). When it passes, the call ends with a
         * {@link com.texterchat.client.error.TexterIoException} whose {@code isTimeout()} is {@code true} and whose
         * message names it; each attempt's read timeout is cut to the time left, and a wait before a retry that
         * would end past it is not started (the call then ends with the last answer or failure).
         *
         * @param timeout a positive duration, at most 24 hours
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            Duration d = positive(timeout, "callTimeout");
            if (d.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("callTimeout must be at most 24 hours, got " + d);
            }
            this.callTimeout = d;
            return this;
        }

        /**
         * How failed calls are retried (default {@link RetryPolicy#defaults()}); {@link RetryPolicy#disabled()}
         * turns retrying off.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Changes the retry policy in place, starting from the one set so far (the default at first):
         * {@code retryPolicy(r -> r.maxRetries(4).maxBackoff(Duration.ofSeconds(20)))}.
         *
         * @param change what to change
         * @return this builder
         */
        public Builder retryPolicy(Consumer<RetryPolicy.Builder> change) {
            Objects.requireNonNull(change, "change");
            RetryPolicy.Builder builder = retryPolicy.toBuilder();
            change.accept(builder);
            this.retryPolicy = builder.build();
            return this;
        }

        /**
         * A header sent with every call of the client, e.g. an application or tenant tag. A name given again
         * replaces the earlier value (names are case-insensitive). Headers the SDK sets itself
         * ({@code Authorization}, {@code Content-Type}, {@code Accept}, {@code Accept-Encoding}, {@code Host},
         * {@code User-Agent}, {@code Content-Length}, connection headers) are refused.
         *
         * @param name  the header name
         * @param value the value, without line breaks
         * @return this builder
         * @throws IllegalArgumentException for a reserved or malformed name, or a value with control characters
         */
        public Builder defaultHeader(String name, String value) {
            CustomHeaders.check(name, value);
            defaultHeaders.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            defaultHeaders.put(name, value);
            return this;
        }

        /**
         * Adjusts the JDK {@code HttpClient} the client builds: a proxy, an {@link javax.net.ssl.SSLContext} and {@link javax.net.ssl.SSLParameters}, an executor, the HTTP version,
         * a local address. Called with the builder the SDK has set up; afterwards the SDK sets its connect timeout
         * and turns redirects off again (a redirect would take the token along). The read and call timeouts, the
         * response size limit, retries, logging and redaction are the SDK's, whatever is set here. Several calls
         * add up, in order. The client stays the SDK's: {@link TexterClient#close()} closes it.
         *
         * <pre>{@code
         * TexterClient.builder().projectId("demo").token(token)
         *         .httpClient(http -> http.proxy(ProxySelector.of(new InetSocketAddress("proxy.corp", 3128)))
         *                 .sslContext(corporateTrust))
         *         .proxyCredentials("svc-texter", proxyPassword)
         *         .build();
         * }</pre>
         *
         * <p>An {@link java.net.Authenticator} set here is refused when the client is built (see
         * {@link #proxyCredentials(String, String)} for proxy passwords).
         *
         * @param customizer changes the builder
         * @return this builder
         */
        public Builder httpClient(Consumer<HttpClient.Builder> customizer) {
            httpCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Sends every call with the application's own JDK {@code HttpClient} (shared with other code, say). Its
         * connect timeout, proxy, TLS and executor are its own; the SDK's read and call timeouts, response size
         * limit, retries, logging and redaction still apply. {@link TexterClient#close()} leaves it open: it is
         * the application's to close. Cannot be combined with {@link #httpClient(Consumer)} or
         * {@link #connectTimeout(Duration)}.
         *
         * @param client the client; it must not follow redirects
         * @return this builder
         * @throws IllegalArgumentException when the client follows redirects (a redirect would take the token along)
         */
        public Builder httpClient(HttpClient client) {
            Objects.requireNonNull(client, "client");
            if (client.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HttpClient must not follow redirects (it follows "
                        + client.followRedirects() + "): a redirect would take the API token along to wherever it"
                        + " points; build it with followRedirects(HttpClient.Redirect.NEVER)");
            }
            if (client.authenticator().isPresent()) {
                throw new IllegalArgumentException(AUTHENTICATOR_REFUSED);
            }
            this.userHttpClient = client;
            return this;
        }

        /**
         * The user name and password of a proxy that asks for them (HTTP Basic), set with
         * {@link #httpClient(Consumer)}: {@code http.proxy(ProxySelector.of(...))}. Every request carries them in
         * {@code Proxy-Authorization} right away; the JDK sends that header to the proxy only (on the
         * {@code CONNECT} that opens the tunnel to Texter), never to Texter. Logs mask it.
         *
         * <p>An {@link java.net.Authenticator} on the {@code HttpClient} is refused instead: with one, the JDK 17
         * client drops the {@code Authorization} header that carries the token. For HTTPS, which every call to
         * Texter is, the JDK leaves Basic credentials out of a tunnel's {@code CONNECT} unless the system property
         * {@code jdk.http.auth.tunneling.disabledSchemes} is set to an empty value (or one without {@code Basic})
         * before the first {@code HttpClient} is made: {@code -Djdk.http.auth.tunneling.disabledSchemes=}.
         *
         * @param username the proxy user, without {@code :}
         * @param password the proxy password
         * @return this builder
         * @throws IllegalArgumentException for a user name with {@code :} or control characters
         */
        public Builder proxyCredentials(String username, String password) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isEmpty() || username.indexOf(':') >= 0
                    || (username + password).chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the proxy user name must be non-empty and without ':', and"
                        + " neither it nor the password may contain control characters");
            }
            this.proxyAuthorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return this;
        }

        /**
         * How much of each HTTP exchange to log (default {@link HttpLogLevel#NONE}).
         *
         * @param logLevel the level
         * @return this builder
         */
        public Builder logLevel(HttpLogLevel logLevel) {
            this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
            return this;
        }

        /**
         * Adds a listener that is told of every attempt and every call of the client (see {@link TexterListener}).
         * Several may be added; they are called in the order they were added.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(TexterListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException when the token or both project ID and base URL are missing
         */
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

        private static @Nullable String variable(Map<String, String> environment, String name) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? null : value.strip();
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
            return h.equalsIgnoreCase("localhost") || LOOPBACK_V4.matcher(h).matches() || h.equals("::1")
                    || h.equals("0:0:0:0:0:0:0:1");
        }

        @Override
        public String toString() {
            return "TexterClient.Builder[projectId=" + projectId + ", baseUrl=" + baseUrl + ", token="
                    + (token == null ? "unset" : Redactor.MASK) + ", defaultHeaders=" + defaultHeaders.keySet() + "]";
        }
    }

    /** Makes the generated APIs of one client, each on first use, all sharing one lock. */
    private static final class Apis {

        private final Feign.Builder feign;
        private final String url;
        private final TexterContract contract;
        private final Map<String, String> clientHeaders;
        private final Object lock = new Object();

        Apis(Feign.Builder feign, String url, TexterContract contract, Map<String, String> clientHeaders) {
            this.feign = feign;
            this.url = url;
            this.contract = contract;
            this.clientHeaders = clientHeaders;
        }

        <T> Lazy<T> lazy(Class<T> api) {
            return new Lazy<>(lock, () -> feign.target(new TexterTarget<>(api, url, contract, clientHeaders)));
        }
    }
}
