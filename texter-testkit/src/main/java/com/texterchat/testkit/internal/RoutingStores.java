package com.texterchat.testkit.internal;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.store.BlobStore;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.InMemoryStubMappingStore;
import com.github.tomakehurst.wiremock.store.ObjectStore;
import com.github.tomakehurst.wiremock.store.RecorderStateStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.store.SettingsStore;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.store.Stores;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * WireMock's in-memory stores, except that the stub store routes a request before matching it: a stub whose
 * pattern is a plain route (a method and a URL pattern, nothing else, as the default stub of every operation is)
 * is only matched in full when its method and URL fit the request. WireMock otherwise builds a full match result
 * (with its sub-event queue) for each of the ~50 stubs it tries, which was the largest single cost of routing.
 *
 * <p>The answer is the same stub WireMock would pick: the stubs keep WireMock's order (priority, then newest
 * first), every other stub (auth, helpers, faults, a test's own raw stubs) is matched exactly as before, and a
 * plain route that is skipped could not have matched and reports no sub-events (its two matchers have none).
 */
public final class RoutingStores implements Stores {

    private final DefaultStores delegate;
    private final RoutingStubStore stubs = new RoutingStubStore();
    private final RequestJournal journal = new RequestJournal();

    /**
     * Stores over a file root, as WireMock's own default.
     *
     * @param fileRoot the server's file root (body files)
     */
    public RoutingStores(FileSource fileRoot) {
        this.delegate = new DefaultStores(fileRoot);
    }

    @Override
    public StubMappingStore getStubStore() {
        return stubs;
    }

    @Override
    public RequestJournalStore getRequestJournalStore() {
        return journal;
    }

    /** The request journal, where answers given outside WireMock's pipeline are recorded too. */
    public RequestJournal journal() {
        return journal;
    }

    /**
     * Whether the stub store holds exactly these stubs (the same objects, none added, none missing) and no global
     * delay is set: then every request with a valid token that names an operation is answered by that operation's
     * stub, as it stood when the server started.
     *
     * @param expected the stubs by id
     */
    public boolean holdsOnly(Map<UUID, StubMapping> expected) {
        GlobalSettings settings = delegate.getSettingsStore().get();
        return settings.getFixedDelay() == null && settings.getDelayDistribution() == null
                && stubs.holdsOnly(expected);
    }

    @Override
    public SettingsStore getSettingsStore() {
        return delegate.getSettingsStore();
    }

    @Override
    public ScenariosStore getScenariosStore() {
        return delegate.getScenariosStore();
    }

    @Override
    public RecorderStateStore getRecorderStateStore() {
        return delegate.getRecorderStateStore();
    }

    @Override
    public BlobStore getMappingsBlobStore() {
        return delegate.getMappingsBlobStore();
    }

    @Override
    public BlobStore getFilesBlobStore() {
        return delegate.getFilesBlobStore();
    }

    @Override
    public BlobStore getBlobStore(String name) {
        return delegate.getBlobStore(name);
    }

    @Override
    public ObjectStore getObjectStore(String name, PersistenceType persistenceHint, int maxSize) {
        return delegate.getObjectStore(name, persistenceHint, maxSize);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    /** True when the pattern only names a method and a URL (path) pattern, so those two decide the match. */
    static boolean isPlainRoute(RequestPattern pattern) {
        return pattern.getMethod() != null && pattern.getUrlMatcher() != null
                && pattern.getScheme() == null && pattern.getHost() == null && pattern.getPort() == null
                && pattern.getClientIp() == null && pattern.getBasicAuthCredentials() == null
                && empty(pattern.getHeaders()) && empty(pattern.getPathParameters())
                && empty(pattern.getQueryParameters()) && empty(pattern.getFormParameters())
                && empty(pattern.getCookies()) && empty(pattern.getBodyPatterns())
                && empty(pattern.getMultipartPatterns()) && !pattern.hasCustomMatcher();
    }

    /** For a plain route: whether its method and URL fit the request (what WireMock's full match decides). */
    static boolean routeFits(RequestPattern pattern, Request request) {
        return pattern.getMethod().match(request.getMethod()).isExactMatch()
                && pattern.getUrlMatcher().match(request.getUrl()).isExactMatch();
    }

    private static boolean empty(@Nullable Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static boolean empty(@Nullable Collection<?> collection) {
        return collection == null || collection.isEmpty();
    }

    /** WireMock's in-memory stub store with the route check in front of each full match. */
    private static final class RoutingStubStore extends InMemoryStubMappingStore {

        /**
         * Counts changes, so that {@link #holdsOnly} compares the stubs once per change, not once per request. Each
         * change counts twice, before and after, so that a comparison running during a change is done again.
         */
        private final AtomicLong version = new AtomicLong();
        private volatile long checkedVersion = -1;
        private volatile @Nullable Map<UUID, StubMapping> checkedAgainst;
        private volatile boolean checkedResult;

        boolean holdsOnly(Map<UUID, StubMapping> expected) {
            long now = version.get();
            if (now == checkedVersion && expected == checkedAgainst) {
                return checkedResult;
            }
            List<StubMapping> held = getAll().toList();
            boolean same = held.size() == expected.size()
                    && held.stream().allMatch(stub -> expected.get(stub.getId()) == stub);
            checkedResult = same;
            checkedAgainst = expected;
            checkedVersion = now;
            return same;
        }

        @Override
        public void add(StubMapping stub) {
            version.incrementAndGet();
            super.add(stub);
            version.incrementAndGet();
        }

        @Override
        public void remove(StubMapping stub) {
            version.incrementAndGet();
            super.remove(stub);
            version.incrementAndGet();
        }

        @Override
        public void replace(StubMapping existing, StubMapping updated) {
            version.incrementAndGet();
            super.replace(existing, updated);
            version.incrementAndGet();
        }

        @Override
        public void clear() {
            version.incrementAndGet();
            super.clear();
            version.incrementAndGet();
        }

        @Override
        public Stream<StubMapping> findAllMatchingRequest(Request request,
                Map<String, RequestMatcherExtension> customMatchers, Consumer<SubEvent> subEventConsumer) {
            return getAll()
                    .filter(stub -> {
                        RequestPattern pattern = stub.getRequest();
                        return !isPlainRoute(pattern) || routeFits(pattern, request);
                    })
                    .map(stub -> new Tried(stub, stub.getRequest().match(request, customMatchers)))
                    .peek(tried -> tried.result().getSubEvents().forEach(subEventConsumer))
                    .filter(tried -> tried.result().isExactMatch())
                    .map(Tried::stub);
        }
    }

    private record Tried(StubMapping stub, MatchResult result) {
    }
}
