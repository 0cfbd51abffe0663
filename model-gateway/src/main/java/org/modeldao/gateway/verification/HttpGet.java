package org.modeldao.gateway.verification;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 GET to an address already checked by the {@link SourcePolicy}: the connection
 * goes to exactly that address (the host name is sent in {@code Host} and, for https, used for
 * SNI and certificate checks), so the name cannot be resolved again to somewhere else. Every
 * read waits at most until the fetch's deadline; no redirect is followed; the body is bounded.
 */
final class HttpGet {

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private HttpGet() {
    }

    static byte[] fetch(URI uri, InetAddress address, long deadlineNanos, long maxBytes)
            throws IOException, ArtifactFetcher.FetchFailedException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        try (Socket socket = connect(uri, address, port, https, deadlineNanos)) {
            OutputStream out = socket.getOutputStream();
            out.write(request(uri).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineStream(socket, deadlineNanos));
            int status = statusOf(readLine(in));
            long contentLength = -1;
            boolean chunked = false;
            int headerBytes = 0;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                headerBytes += line.length();
                if (headerBytes > MAX_HEADER_BYTES) {
                    throw new IOException("response headers exceed " + MAX_HEADER_BYTES + " bytes");
                }
                int colon = line.indexOf(':');
                String name = colon < 0 ? line : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    contentLength = parseLength(value);
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            if (status != 200) {
                throw new ArtifactFetcher.FetchFailedException("GET " + uri + " answered " + status
                        + (status / 100 == 3 ? " (redirects are not followed)" : ""), null);
            }
            if (contentLength > maxBytes) {
                throw ArtifactFetcher.TooLargeException.at(uri, maxBytes);
            }
            return chunked ? readChunked(in, uri, maxBytes) : readBody(in, contentLength, uri, maxBytes);
        }
    }

    private static Socket connect(URI uri, InetAddress address, int port, boolean https, long deadlineNanos)
            throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), remainingMillis(deadlineNanos));
            if (!https) {
                return plain;
            }
            String host = SourcePolicy.hostOf(uri);
            SSLSocket tls = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!AddressRange.isLiteral(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(remainingMillis(deadlineNanos));
            tls.startHandshake();
            return tls;
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            plain.close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    private static String request(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String host = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: model-gateway\r\n"
                + "Accept-Encoding: identity\r\nConnection: close\r\n\r\n";
    }

    private static int statusOf(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + parts[1], e);
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length < 0) {
                throw new IOException("negative Content-Length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length", e);
        }
    }

    private static byte[] readBody(InputStream in, long contentLength, URI uri, long maxBytes)
            throws IOException, ArtifactFetcher.TooLargeException {
        long limit = contentLength >= 0 ? contentLength : maxBytes + 1;
        byte[] body = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        if (body.length > maxBytes) {
            throw ArtifactFetcher.TooLargeException.at(uri, maxBytes);
        }
        if (contentLength >= 0 && body.length < contentLength) {
            throw new IOException("the connection closed after " + body.length + " of " + contentLength + " bytes");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in, URI uri, long maxBytes)
            throws IOException, ArtifactFetcher.TooLargeException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size", e);
            }
            if (size < 0 || body.size() + size > maxBytes) {
                throw ArtifactFetcher.TooLargeException.at(uri, maxBytes);
            }
            if (size == 0) {
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new IOException("the connection closed inside a chunk");
            }
            body.write(chunk);
            readLine(in); // the CRLF after the chunk
        }
    }

    /** A line up to CRLF (or LF), bounded; an early end of stream is an error. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed inside the response head");
            }
            if (line.length() >= 8192) {
                throw new IOException("a response line exceeds 8192 bytes");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("the fetch deadline passed");
        }
        return (int) Math.min(remaining, Integer.MAX_VALUE);
    }

    /** Each read waits at most until the fetch's deadline, so a body that stalls or trickles ends there. */
    private static final class DeadlineStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadlineNanos;

        DeadlineStream(Socket socket, long deadlineNanos) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            try {
                return in.read(buffer, offset, length);
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("the fetch deadline passed while reading the response");
            }
        }
    }
}
