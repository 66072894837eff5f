package com.texterchat.client.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for the probes: it either drops each connection right after reading a
 * request (no byte of an answer), or answers every request with one fixed JSON body on a kept-alive connection.
 * It counts requests and notices when the client closes a connection.
 */
final class DropServer implements AutoCloseable {

    private final ServerSocket socket;
    private final boolean drop;
    private final String json;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private DropServer(boolean drop, String json) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.drop = drop;
        this.json = json;
        this.acceptor = new Thread(this::accept, "drop-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that closes every connection once it has read a request. */
    static DropServer dropping() throws IOException {
        return new DropServer(true, "");
    }

    /** A server that answers 200 with the given JSON and keeps connections open. */
    static DropServer answering(String json) throws IOException {
        return new DropServer(false, json);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/server/api/v2";
    }

    int requests() {
        return requests.get();
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    int connections() {
        return connections.get();
    }

    /** Connections the client closed (the server read end-of-stream on them). */
    int closedByClient() {
        return closedByClient.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "drop-server-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    closedByClient.incrementAndGet();
                    return;
                }
                requests.incrementAndGet();
                requestLines.add(head.lines().findFirst().orElse(""));
                if (drop) {
                    return;
                }
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (SocketException e) {
            closedByClient.incrementAndGet(); // reset by the client
        } catch (IOException e) {
            // the probe ends
        }
    }

    /** The request line and headers (the probes send no bodies but empty ones), or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
