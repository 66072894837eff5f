package com.texterchat.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Builds the WireMock stubs of the test kit. The request patterns and responses of the default stubs are
 * built once per JVM from {@link TexterSpec#get()}, on a background thread so that it overlaps WireMock's
 * start-up; each server gets fresh {@link StubMapping} objects (they are mutable) around those shared,
 * immutable parts.
 */
public final class StubFactory {

    /** Requests without a Bearer token are refused before anything else is considered. */
    public static final int AUTH_PRIORITY = 1;
    /** Injected faults win over every answer. */
    public static final int FAULT_PRIORITY = 2;
    /**
     * Helpers for specific requests (a chat for this phone) win over an operation's general answer. Same as
     * WireMock's default, so among helpers and a test's own raw stubs the latest one wins.
     */
    public static final int HELPER_PRIORITY = StubMapping.DEFAULT_PRIORITY;
    /** An operation's general answer: the spec example, or what a test put in its place. */
    public static final int DEFAULT_PRIORITY = 10;

    /** Metadata key under which stubs carry their operationId. */
    public static final String OPERATION_KEY = "texterOperation";
    /** Metadata key under which stubs say what they are: default, auth, helper or fault. */
    public static final String ROLE_KEY = "texterRole";

    /** The content type of JSON answers. */
    public static final String JSON = "application/json; charset=utf-8";
    /** The content type of plain-text answers ({@code OK}). */
    public static final String TEXT = "text/plain; charset=utf-8";

    private static volatile @Nullable CompletableFuture<Prototypes> loading;

    private StubFactory() {
    }

    /** A request pattern for one operation: its method and URL path regex; any query, headers and body. */
    public static MappingBuilder route(SpecOperation operation) {
        return WireMock.request(operation.method(), urlPathMatching(operation.urlPathRegex()));
    }

    /** The operation's 2xx answer with the given body (JSON or, for {@code OK} operations, plain text). */
    public static ResponseDefinitionBuilder success(SpecOperation operation, String body) {
        ResponseDefinitionBuilder response = aResponse().withStatus(operation.status());
        String type = successContentType(operation);
        if (type != null) {
            response.withHeader("Content-Type", type).withBody(body);
        }
        return response;
    }

    /** The content type of an operation's success answer ({@link #TEXT} or {@link #JSON}); null when it has no body. */
    public static @Nullable String successContentType(SpecOperation operation) {
        return operation.contentType() == null ? null : operation.isText() ? TEXT : JSON;
    }

    /** A JSON answer with any status. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
    }

    /** An answer with a body that is sent as JSON when it looks like JSON, else as plain text. */
    public static ResponseDefinitionBuilder jsonOrText(int status, String body) {
        String trimmed = body.trim();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
        return aResponse().withStatus(status).withHeader("Content-Type", json ? JSON : TEXT).withBody(body);
    }

    /**
     * Matches requests of the operation whose path parameter {@code name} is {@code value} once
     * percent-decoded, however the client encoded it.
     */
    public static ValueMatcher<Request> pathParameter(SpecOperation operation, String name, String value) {
        if (!operation.pathParameters().contains(name)) {
            throw new IllegalArgumentException(operation.id() + " has no path parameter " + name);
        }
        return request -> {
            String path = rawPath(request.getUrl());
            return MatchResult.of(operation.matches(request.getMethod().getName(), path)
                    && value.equals(operation.pathParameterValues(path).get(name)));
        };
    }

    /** The path of a request URL, without the query string, still percent-encoded. */
    public static String rawPath(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Metadata that ties a stub to an operation and a role. */
    public static Metadata metadata(String operationId, String role) {
        return new Metadata(Map.of(OPERATION_KEY, operationId, ROLE_KEY, role));
    }

    /**
     * Starts reading the spec and building the default stubs on a background thread, unless that has
     * started already. Server start-up calls it first and overlaps it with WireMock's own start-up.
     */
    public static void loadInBackground() {
        loading();
    }

    /** Fresh copies of the default stubs, one per operation of the spec, answering its default example. */
    public static List<StubMapping> defaultStubs() {
        return newStubs(prototypes().defaults);
    }

    /** Fresh copies of the stubs that answer 401 to requests without {@code Authorization: Bearer <token>}. */
    public static List<StubMapping> authStubs() {
        return newStubs(prototypes().auth);
    }

    private static List<StubMapping> newStubs(List<Prototype> prototypes) {
        List<StubMapping> stubs = new ArrayList<>(prototypes.size());
        for (Prototype prototype : prototypes) {
            stubs.add(prototype.newStub());
        }
        return stubs;
    }

    private static Prototypes prototypes() {
        try {
            return loading().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static CompletableFuture<Prototypes> loading() {
        CompletableFuture<Prototypes> current = loading;
        if (current == null) {
            synchronized (StubFactory.class) {
                current = loading;
                if (current == null) {
                    current = BackgroundLoad.start("texter-testkit-spec-loader", () -> {
                        Prototypes prototypes = new Prototypes();
                        // then the request validator, so that it is ready by the first request
                        SpecValidator.loadInBackground();
                        return prototypes;
                    });
                    loading = current;
                }
            }
        }
        return current;
    }

    private record Prototype(RequestPattern request, ResponseDefinition response, int priority, Metadata metadata) {

        static Prototype of(MappingBuilder builder) {
            StubMapping built = builder.build();
            return new Prototype(built.getRequest(), built.getResponse(), built.getPriority(), built.getMetadata());
        }

        StubMapping newStub() {
            StubMapping stub = new StubMapping(request, response);
            stub.setId(UUID.randomUUID());
            stub.setPriority(priority);
            stub.setMetadata(metadata);
            return stub;
        }
    }

    /** The default and auth stubs, built once per JVM from the spec on the classpath. */
    private static final class Prototypes {
        final List<Prototype> defaults;
        final List<Prototype> auth;

        Prototypes() {
            TexterSpec spec = TexterSpec.get();
            List<Prototype> prototypes = new ArrayList<>();
            for (SpecOperation operation : spec.operations().values()) {
                prototypes.add(Prototype.of(route(operation)
                        .atPriority(DEFAULT_PRIORITY)
                        .withMetadata(metadata(operation.id(), "default"))
                        .willReturn(success(operation, operation.defaultBody()))));
            }
            this.defaults = List.copyOf(prototypes);

            String everything = spec.basePath() + "/.*";
            ResponseDefinitionBuilder unauthorized = json(401,
                    "{\"success\":false,\"error\":\"Unauthorized: send the API token as 'Authorization: Bearer <token>'\"}");
            Metadata auth = metadata("", "auth");
            this.auth = List.of(
                    Prototype.of(WireMock.any(urlPathMatching(everything))
                            .withHeader("Authorization", WireMock.absent())
                            .atPriority(AUTH_PRIORITY).withMetadata(auth).willReturn(unauthorized)),
                    Prototype.of(WireMock.any(urlPathMatching(everything))
                            .withHeader("Authorization", WireMock.notMatching("(?i)Bearer\\s+\\S.*"))
                            .atPriority(AUTH_PRIORITY).withMetadata(auth).willReturn(unauthorized)));
        }
    }
}
