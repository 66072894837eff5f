package com.texterchat.benchmarks.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A minimal Texter stand-in for the per-call benchmarks: a blocking HTTP/1.1 server on {@code 127.0.0.1}, one
 * thread per keep-alive connection, answering Send a Message and Search Chats with fixed, pre-serialized
 * responses written in one piece. It does as little as an HTTP server can, so that the measured time is the
 * clients', and it costs the same for the SDK and for the hand-written baseline. Requests without
 * {@code Authorization: Bearer ...} get 401, so both sides must really send the token; other paths or methods get
 * 404. Only what the benchmarks send is supported: bodies with a {@code Content-Length} (a chunked body gets 411),
 * request heads of at most 16 KB with a well-formed request line (anything else gets 400); after a 411 or 400 the
 * connection is closed.
 *
 * <p>(The JDK's built-in {@code com.sun.net.httpserver} was used first; it used a good share of the two cores
 * itself, so the results measured the server as much as the clients.)
 */
public final class CannedTexterServer implements AutoCloseable {

    /** The path every operation is relative to, as on Texter. */
    public static final String BASE_PATH = "/server/api/v2";

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final String SEND_PREFIX = BASE_PATH + "/messages/send/";
    private static final String SEARCH_PATH = BASE_PATH + "/chats/search";

    private final ServerSocket socket;
    private final ExecutorService connections;
    private final byte[] sendMessageResponse;
    private final byte[] searchChatsResponse;
    private final byte[] unauthorized;
    private final byte[] notFound;
    private final byte[] lengthRequired;
    private final byte[] badRequest;

    private CannedTexterServer(ServerSocket socket, byte[] sendMessageAnswer, byte[] searchChatsAnswer) {
        this.socket = socket;
        this.sendMessageResponse = response(200, "OK", sendMessageAnswer);
        this.searchChatsResponse = response(200, "OK", searchChatsAnswer);
        this.unauthorized = response(401, "Unauthorized",
                "{\"success\":false,\"error\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
        this.notFound = response(404, "Not Found",
                "{\"success\":false,\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
        this.lengthRequired = response(411, "Length Required", new byte[0]);
        this.badRequest = response(400, "Bad Request", new byte[0]);
        AtomicInteger count = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "canned-texter-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the server on a free port.
     *
     * @param sendMessageAnswer the body answering {@code POST /messages/send/{chatId}}
     * @param searchChatsAnswer the body answering {@code GET /chats/search}
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static CannedTexterServer start(byte[] sendMessageAnswer, byte[] searchChatsAnswer) throws IOException {
        ServerSocket socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        CannedTexterServer server = new CannedTexterServer(socket, sendMessageAnswer, searchChatsAnswer);
        server.connections.execute(server::accept);
        return server;
    }

    /**
     * The base URL to give a client, {@code http://127.0.0.1:<port>/server/api/v2}.
     *
     * @return the URL
     */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + BASE_PATH;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new IllegalStateException("the canned server stopped accepting connections", e);
                }
            }
        }
    }

    /** Answers the requests of one keep-alive connection until the client closes it. */
    private void serve(Socket connection) {
        try (connection;
             InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            ByteArrayOutputStream head = new ByteArrayOutputStream(512);
            while (true) {
                @Nullable Request request;
                try {
                    request = Request.read(in, head);
                } catch (BadRequestException e) {
                    out.write(badRequest);
                    out.flush();
                    // Let the client read the answer before the close: closing with its bytes unread would reset
                    // the connection and could discard the 400 on its side.
                    connection.shutdownOutput();
                    connection.setSoTimeout(1_000);
                    try {
                        in.transferTo(OutputStream.nullOutputStream());
                    } catch (SocketTimeoutException stillOpen) {
                        // the client had a second to read the answer
                    }
                    return;
                }
                if (request == null) {
                    return; // the client closed the connection
                }
                if (request.chunked) {
                    out.write(lengthRequired);
                    return;
                }
                in.skipNBytes(request.contentLength);
                out.write(answer(request));
                out.flush();
                if (request.close) {
                    return;
                }
            }
        } catch (SocketException closed) {
            // the client or close() ended the connection
        } catch (IOException e) {
            throw new IllegalStateException("the canned server failed on a connection", e);
        }
    }

    private byte[] answer(Request request) {
        if (request.authorization == null || !request.authorization.startsWith("Bearer ")) {
            return unauthorized;
        }
        if ("POST".equals(request.method) && request.path.startsWith(SEND_PREFIX)
                && request.path.length() > SEND_PREFIX.length()) {
            return sendMessageResponse;
        }
        if ("GET".equals(request.method) && request.path.equals(SEARCH_PATH)) {
            return searchChatsResponse;
        }
        return notFound;
    }

    private static byte[] response(int status, String reason, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    private static long length(String value) throws BadRequestException {
        try {
            long length = Long.parseLong(value);
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new BadRequestException("Content-Length is not a length: " + value);
    }

    /** A request head the server cannot read; answered with 400. */
    private static final class BadRequestException extends IOException {

        private static final long serialVersionUID = 1L;

        BadRequestException(String message) {
            super(message);
        }
    }

    /** The parts of a request head the server looks at. */
    private static final class Request {

        String method = "";
        String path = "";
        @Nullable String authorization;
        long contentLength;
        boolean chunked;
        boolean close;

        /** Reads one request head; {@code null} when the connection ended before one started. */
        static @Nullable Request read(InputStream in, ByteArrayOutputStream line) throws IOException {
            Request request = new Request();
            int headerBytes = 0;
            for (int lineNumber = 0; ; lineNumber++) {
                line.reset();
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        if (lineNumber == 0 && line.size() == 0) {
                            return null;
                        }
                        throw new IOException("the connection ended inside a request head");
                    }
                    if (++headerBytes > MAX_HEADER_BYTES) {
                        throw new BadRequestException("request head longer than " + MAX_HEADER_BYTES + " bytes");
                    }
                    if (b != '\r') {
                        line.write(b);
                    }
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (lineNumber == 0) {
                    String[] parts = text.split(" ", 3);
                    if (parts.length < 3) {
                        throw new BadRequestException("not an HTTP request line: " + text);
                    }
                    request.method = parts[0];
                    int query = parts[1].indexOf('?');
                    request.path = query < 0 ? parts[1] : parts[1].substring(0, query);
                } else if (text.isEmpty()) {
                    return request;
                } else {
                    request.header(text);
                }
            }
        }

        private void header(String line) throws BadRequestException {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "authorization" -> authorization = value;
                case "content-length" -> contentLength = length(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                    // not needed
                }
            }
        }
    }
}
