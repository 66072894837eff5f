package com.texterchat.benchmarks.client;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HttpClient} that answers in the calling thread, without a socket: Send a Message and Search Chats get
 * the canned bodies of {@link CannedTexterServer}, anything else a 404. The request body is drained (as a real
 * client would write it) and the answer handed to the caller's body handler as one buffer. With it, a benchmark
 * measures only the SDK's own work per call (request building, retries and listener bookkeeping, the body read,
 * decoding), with no network, server or JDK client threads adding their noise.
 */
public final class InProcessHttpClient extends HttpClient {

    private final byte[] sendMessageAnswer;
    private final byte[] searchChatsAnswer;
    private final byte[] notFound = "{\"success\":false,\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * A client answering with the given bodies.
     *
     * @param sendMessageAnswer the body answering {@code POST .../messages/send/{chatId}}
     * @param searchChatsAnswer the body answering {@code GET .../chats/search}
     */
    public InProcessHttpClient(byte[] sendMessageAnswer, byte[] searchChatsAnswer) {
        this.sendMessageAnswer = sendMessageAnswer.clone();
        this.searchChatsAnswer = searchChatsAnswer.clone();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        request.bodyPublisher().ifPresent(InProcessHttpClient::drain);
        String path = request.uri().getRawPath();
        byte[] body;
        int status;
        if (request.method().equals("POST") && path.contains("/messages/send/")) {
            body = sendMessageAnswer;
            status = 200;
        } else if (request.method().equals("GET") && path.endsWith("/chats/search")) {
            body = searchChatsAnswer;
            status = 200;
        } else {
            body = notFound;
            status = 404;
        }
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/json; charset=utf-8"),
                "Content-Length", List.of(Integer.toString(body.length))), (name, value) -> true);
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        subscriber.onComplete();
        T value;
        try {
            value = subscriber.getBody().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        return new Answer<>(request, status, headers, value);
    }

    private static void drain(HttpRequest.BodyPublisher publisher) {
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                item.position(item.limit());
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    /** An answer of this client. */
    private record Answer<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
            implements HttpResponse<T> {

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException | InterruptedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, HttpResponse.@Nullable PushPromiseHandler<T> push) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        throw new UnsupportedOperationException("plain loopback only");
    }

    @Override
    public SSLParameters sslParameters() {
        return new SSLParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}
