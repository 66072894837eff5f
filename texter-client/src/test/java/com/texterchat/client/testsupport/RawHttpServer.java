package com.texterchat.client.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A deliberately small HTTP/1.1 server on 127.0.0.1 that answers with whatever bytes a test scripts, including
 * answers no real server library would send: headers followed by a slow drip, an endless body, a lying
 * {@code Content-Length}, a connection closed mid-body, a gzip bomb, a proxy refusing {@code CONNECT}.
 *
 * <p>Each accepted connection runs on its own daemon thread and may carry several requests (keep-alive); for every
 * request the server reads the head (and a {@code Content-Length} body), then calls the {@link Script} with an
 * {@link Exchange}. The answer for the <i>n</i>-th request overall (counting from 0) can differ: see
 * {@link #sequence(Script...)}. A script that throws {@link IOException} (typically because the client hung up)
 * ends that connection quietly. Close the server (try-with-resources) to stop it and drop every connection.
 *
 * <pre>{@code
 * try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(RawHttpServer.endlessBody(),
 *         RawHttpServer.json(200, "{}")))) {
 *     TexterClient client = TexterClient.builder().baseUrl(server.baseUrl()).token("...").build();
 *     ...
 * }
 * }</pre>
 */
public final class RawHttpServer implements AutoCloseable {

    /** What the server answers to one request. */
    @FunctionalInterface
    public interface Script {
        /**
         * Writes the answer (or misbehaves) for one request.
         *
         * @param exchange the request and the connection to answer on
         * @throws IOException when writing fails, e.g. because the client closed the connection
         */
        void answer(Exchange exchange) throws IOException;
    }

    /** One request and the connection it arrived on. */
    public static final class Exchange {
        private final int index;
        private final String requestLine;
        private final Map<String, String> headers;
        private final byte[] body;
        private final Socket socket;
        private final OutputStream out;
        private boolean close;

        Exchange(int index, String requestLine, Map<String, String> headers, byte[] body, Socket socket)
                throws IOException {
            this.index = index;
            this.requestLine = requestLine;
            this.headers = headers;
            this.body = body;
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** The number of this request among all the server received, from 0. */
        public int index() {
            return index;
        }

        /** The request line, e.g. {@code GET /server/api/v2/chats HTTP/1.1}. */
        public String requestLine() {
            return requestLine;
        }

        /** A request header by name (case-insensitive), or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The request body (empty without {@code Content-Length}). */
        public byte[] body() {
            return body.clone();
        }

        /** The raw connection, for answers the helpers here cannot write. */
        public OutputStream out() {
            return out;
        }

        /**
         * Writes a status line and headers (each {@code "Name: value"}) and the blank line ending them, and flushes.
         *
         * @param status  the status code
         * @param headers header lines
         * @return this exchange
         * @throws IOException when writing fails
         */
        public Exchange head(int status, String... headers) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                    .append("\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
                close |= header.equalsIgnoreCase("Connection: close");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        }

        /**
         * Writes bytes and flushes.
         *
         * @param bytes the bytes
         * @return this exchange
         * @throws IOException when writing fails
         */
        public Exchange write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /**
         * Writes the bytes one at a time, waiting between them.
         *
         * @param bytes    the bytes
         * @param interval the wait before each byte
         * @return this exchange
         * @throws IOException when writing fails
         */
        public Exchange drip(byte[] bytes, Duration interval) throws IOException {
            for (byte b : bytes) {
                pause(interval);
                out.write(b);
                out.flush();
            }
            return this;
        }

        /**
         * Writes {@code count} bytes of {@code fill} in 64 KiB writes, never holding more than one of them.
         *
         * @param count how many bytes
         * @param fill  the byte to repeat
         * @return this exchange
         * @throws IOException when writing fails
         */
        public Exchange stream(long count, byte fill) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, fill);
            for (long left = count; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.flush();
            return this;
        }

        /** Closes the connection after this answer (also implied by a {@code Connection: close} header). */
        public void closeAfter() {
            close = true;
        }

        /**
         * Closes the connection now, e.g. half-way through a body.
         *
         * @throws IOException when closing fails
         */
        public void closeNow() throws IOException {
            close = true;
            socket.close();
        }
    }

    private final ServerSocket serverSocket;
    private final Script script;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawHttpServer(Script script) throws IOException {
        this.script = script;
        this.serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "raw-http-server-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server on a free port of 127.0.0.1.
     *
     * @param script the answer to every request
     * @return the running server
     */
    public static RawHttpServer start(Script script) {
        try {
            return new RawHttpServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>/server/api/v2}, a base URL for a {@code TexterClient}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + TestServer.API;
    }

    /** How many requests the server has read so far. */
    public int requests() {
        return requests.get();
    }

    /** How many connections the server has accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The request lines received so far, in order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---- scripts -------------------------------------------------------------------------------------------------

    /**
     * The scripts in turn: the first for request 0, the second for request 1, ..., the last for every later one.
     *
     * @param scripts at least one
     * @return the combined script
     */
    public static Script sequence(Script... scripts) {
        List<Script> list = List.of(scripts);
        return exchange -> list.get(Math.min(exchange.index(), list.size() - 1)).answer(exchange);
    }

    /** A complete answer with a JSON body and a correct {@code Content-Length}. */
    public static Script json(int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return exchange -> exchange.head(status, "Content-Type: application/json",
                "Content-Length: " + body.length).write(body);
    }

    /** Headers at once (announcing {@code declaredLength} bytes), then the body one byte per {@code interval}. */
    public static Script headersThenDrip(long declaredLength, Duration interval) {
        return exchange -> {
            exchange.head(200, "Content-Type: application/json", "Content-Length: " + declaredLength);
            byte[] one = {' '};
            for (long i = 0; i < declaredLength; i++) {
                exchange.drip(one, interval);
            }
        };
    }

    /** A 200 with a chunked body that never ends (64 KiB chunks of spaces until the client hangs up). */
    public static Script endlessBody() {
        return exchange -> {
            exchange.head(200, "Content-Type: application/json", "Transfer-Encoding: chunked");
            byte[] data = new byte[64 * 1024];
            Arrays.fill(data, (byte) ' ');
            byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = {'\r', '\n'};
            while (true) {
                exchange.out().write(size);
                exchange.out().write(data);
                exchange.out().write(crlf);
            }
        };
    }

    /** A 200 with a chunked body that never ends, one byte of space per {@code interval}. */
    public static Script endlessDrip(Duration interval) {
        return exchange -> {
            exchange.head(200, "Content-Type: application/json", "Transfer-Encoding: chunked");
            byte[] chunk = "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) {
                pause(interval);
                exchange.write(chunk);
            }
        };
    }

    /** A 200 with {@code length} bytes of spaces and a correct {@code Content-Length}, streamed, never held. */
    public static Script hugeBody(long length) {
        return exchange -> exchange.head(200, "Content-Type: application/json", "Content-Length: " + length)
                .stream(length, (byte) ' ');
    }

    /** A 200 claiming {@code declared} bytes in {@code Content-Length} but sending {@code actual} bytes of spaces. */
    public static Script lyingContentLength(long declared, long actual) {
        return exchange -> {
            exchange.head(200, "Content-Type: application/json", "Content-Length: " + declared)
                    .stream(actual, (byte) ' ');
            exchange.closeAfter();
        };
    }

    /** A 200 without {@code Content-Length} whose body ends when the server closes the connection. */
    public static Script bodyUntilClose(byte[] body) {
        return exchange -> {
            exchange.head(200, "Content-Type: application/json", "Connection: close").write(body);
            exchange.closeNow();
        };
    }

    /**
     * A 200 without {@code Content-Length} streaming {@code length} bytes of spaces (never held), the end of the body
     * being the end of the connection.
     */
    public static Script hugeBodyUntilClose(long length) {
        return exchange -> {
            exchange.head(200, "Content-Type: application/json", "Connection: close").stream(length, (byte) ' ');
            exchange.closeNow();
        };
    }

    /** A 200 announcing {@code declared} bytes that sends {@code sent} of them and closes the connection. */
    public static Script closeMidBody(long declared, long sent) {
        return exchange -> {
            exchange.head(200, "Content-Type: application/json", "Content-Length: " + declared)
                    .stream(sent, (byte) ' ');
            exchange.closeNow();
        };
    }

    /** An answer whose body is the given bytes sent with {@code Content-Encoding: <encoding>}. */
    public static Script encoded(int status, String encoding, byte[] body) {
        return exchange -> exchange.head(status, "Content-Type: application/json", "Content-Encoding: " + encoding,
                "Content-Length: " + body.length).write(body);
    }

    /** The bytes gzip-compressed. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code count} bytes of {@code fill} gzip-compressed, compressed as they are made (a gzip bomb). */
    public static byte[] gzipOf(long count, byte fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, fill);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (long left = count; left > 0; left -= chunk.length) {
                gzip.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A proxy's answer to {@code CONNECT}: the status and no tunnel (the connection is closed afterwards). */
    public static Script refuseTunnel(int status) {
        return exchange -> {
            exchange.head(status, status == 407 ? "Proxy-Authenticate: Basic realm=\"proxy\"" : "X-Proxy: raw",
                    "Content-Length: 0", "Connection: close");
        };
    }

    // ---- the server ----------------------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException closed) {
                return;
            }
            connections.incrementAndGet();
            open.add(socket);
            Thread handler = new Thread(() -> serve(socket), acceptor.getName() + "-conn");
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line : head.subList(1, head.size())) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).strip());
                    }
                }
                String length = headers.get("content-length");
                byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
                requestLines.add(head.get(0));
                Exchange exchange = new Exchange(requests.getAndIncrement(), head.get(0), headers, body, socket);
                script.answer(exchange);
                if (exchange.close || socket.isClosed()) {
                    return;
                }
            }
        } catch (SocketException hungUp) {
            // the client (or close()) dropped the connection
        } catch (IOException e) {
            // the client went away mid-answer
        } finally {
            open.remove(socket);
        }
    }

    /** The request line and header lines, or an empty list at the end of the connection. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue;
                    }
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static void pause(Duration interval) throws IOException {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 404:
                return "Not Found";
            case 407:
                return "Proxy Authentication Required";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            default:
                return "Status";
        }
    }
}
