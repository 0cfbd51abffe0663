package org.modeldao.gateway.verification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches artifact bytes from a {@code file:} or {@code http(s):} URI into memory, within the
 * {@link SourcePolicy}, the size limit and one deadline for the whole fetch (name lookup,
 * connection, headers and body: a source that stalls or trickles gives up at the deadline).
 * Redirects are not followed. Nothing here interprets the bytes.
 */
public final class ArtifactFetcher {

    private final long maxBytes;
    private final Duration deadline;
    private final SourcePolicy policy;

    /**
     * @param maxBytes largest artifact fetched; a larger one is refused (see {@link SourceRefusedException})
     * @param deadline time allowed for a whole fetch, body included
     */
    public ArtifactFetcher(long maxBytes, Duration deadline, SourcePolicy policy) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.policy = policy;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public byte[] fetch(String uri) throws FetchFailedException {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchFailedException("not a URI: " + uri, e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> fromFile(parsed);
            case "http", "https" -> fromHttp(parsed, System.nanoTime() + deadline.toNanos());
            default -> throw new SourceRefusedException("refused to fetch " + uri + ": unsupported URI scheme '"
                    + scheme + "' (http, https, and file when gateway.sources.allow-file is on)");
        };
    }

    private byte[] fromFile(URI uri) throws FetchFailedException {
        if (!policy.allowFile()) {
            throw new SourceRefusedException("refused to fetch " + uri + ": file: URIs are off (gateway.sources.allow-file)");
        }
        Path path;
        try {
            path = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new SourceRefusedException("refused to fetch " + uri + ": not a local file path");
        }
        // a device or a pipe (file:/dev/zero, a FIFO) would never end or never answer
        if (!Files.isRegularFile(path)) {
            throw new FetchFailedException("cannot read " + path + ": not a regular file", null);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readBounded(in, uri);
        } catch (IOException e) {
            throw new FetchFailedException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private byte[] fromHttp(URI uri, long deadlineNanos) throws FetchFailedException {
        String host = SourcePolicy.hostOf(uri);
        if (host.isEmpty() || uri.getRawUserInfo() != null) {
            throw new SourceRefusedException("refused to fetch " + uri + ": an http(s) URI needs a host and no user info");
        }
        List<InetAddress> checked = policy.permittedAddresses(uri, resolve(uri, host, deadlineNanos));
        try {
            return HttpSource.fetch(uri, checked, deadlineNanos, maxBytes);
        } catch (IOException e) {
            throw new FetchFailedException("GET " + uri + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Resolves the host once, within the deadline: a lookup has no timeout of its own and cannot
     * be interrupted, so it runs on its own virtual thread, left to end by itself when late.
     */
    private static InetAddress[] resolve(URI uri, String host, long deadlineNanos) throws FetchFailedException {
        CompletableFuture<InetAddress[]> addresses = new CompletableFuture<>();
        Thread.ofVirtual().name("artifact-host-lookup").start(() -> {
            try {
                addresses.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                addresses.completeExceptionally(e);
            }
        });
        try {
            return addresses.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new FetchFailedException("GET " + uri + " failed: looking up " + host + " passed the deadline", e);
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof UnknownHostException ? "unknown host " + host : String.valueOf(e.getCause());
            throw new FetchFailedException("GET " + uri + " failed: " + why, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailedException("interrupted while fetching " + uri, e);
        }
    }

    private byte[] readBounded(InputStream in, URI source) throws IOException, FetchFailedException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw TooLargeException.at(source, maxBytes);
        }
        return bytes;
    }

    /** The artifact could not be fetched; the version stays unloaded and is retried later. */
    public static class FetchFailedException extends Exception {
        public FetchFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * This gateway will not fetch the source as configured (scheme, address, size): fetching it
     * again changes nothing until the configuration does, so the version is quarantined, not retried.
     */
    public static class SourceRefusedException extends FetchFailedException {
        public SourceRefusedException(String message) {
            super(message, null);
        }
    }

    /** The source is larger than {@code gateway.serving.max-artifact-bytes}. */
    public static final class TooLargeException extends SourceRefusedException {
        /** In every such reason: how the reason is told from others. */
        public static final String LIMIT_PHRASE = "-byte artifact limit";

        TooLargeException(String message) {
            super(message);
        }

        static TooLargeException at(URI source, long maxBytes) {
            return new TooLargeException(source + " is larger than the " + maxBytes
                    + LIMIT_PHRASE + " (MODELDAO_MAX_ARTIFACT_BYTES)");
        }
    }
}
