package org.modeldao.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC "node" on a loopback port that answers every call the way an attacker controlling the
 * node would, at the socket level (no HTTP library smooths it over): shared with the app's and the
 * gateway's tests through this module's test jar.
 */
public final class HostileNode implements AutoCloseable {

    /** How each call is answered. */
    public enum Answer {
        /** A well-formed result, 42 as one ABI word (an {@code eth_call}'s {@code uint256}, a quantity): the control. */
        HONEST,
        /** Headers at once, then the body one byte every 200 ms: never a read timeout, never an end. */
        TRICKLE,
        /** No length, as fast as the socket takes it, until the client hangs up. */
        FLOOD,
        /** Claims a 10 GB body, sends a few bytes of it, then holds the connection. */
        HUGE_LENGTH
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final Answer answer;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesSent = new AtomicLong();

    public HostileNode(Answer answer) {
        this.answer = answer;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("hostile-node").start(this::acceptAll);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Bytes of answer written so far, over all calls. */
    public long bytesSent() {
        return bytesSent.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            String id = requestId(in);
            switch (answer) {
                case HONEST -> {
                    byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0x" + "0".repeat(62) + "2a\"}").getBytes(StandardCharsets.US_ASCII);
                    send(out, head("Content-Length: " + body.length));
                    send(out, body);
                }
                case TRICKLE -> {
                    send(out, head("Content-Length: 10000")); // under any cap: only time bounds it
                    while (true) {
                        send(out, new byte[] {' '});
                        Thread.sleep(200);
                    }
                }
                case FLOOD -> {
                    send(out, head("Connection: close"));
                    byte[] spaces = new byte[8192];
                    Arrays.fill(spaces, (byte) ' ');
                    while (true) {
                        send(out, spaces);
                    }
                }
                case HUGE_LENGTH -> {
                    send(out, head("Content-Length: 10000000000"));
                    send(out, "{\"jsonrpc\":".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up, or the node is closing
        } finally {
            open.remove(socket);
        }
    }

    private void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    private static byte[] head(String header) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + header + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the request's head and body (web3j sends a small JSON body with its length) and returns its id. */
    private static String requestId(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended in its head");
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        Matcher id = ID.matcher(new String(body, StandardCharsets.UTF_8));
        return id.find() ? id.group(1) : "1";
    }

    @Override
    public void close() {
        try {
            server.close();
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
}
