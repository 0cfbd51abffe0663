package org.modeldao.gateway.verification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Fetches bytes from a {@code file:} or {@code http(s):} URI within the {@link SourcePolicy}, a size
 * limit and one deadline for the whole fetch (name lookup, connection, headers and body: a source
 * that stalls or trickles gives up at the deadline). Redirects are not followed. Nothing here
 * interprets the bytes.
 *
 * <p>An artifact is <em>streamed</em> into a sink as it arrives, never held whole: artifacts run to
 * hundreds of megabytes, and a gateway loading several at once must not need their sum in heap. A
 * model card is text, capped at {@link #MAX_CARD_BYTES} (the app's upload limit), and read into memory.
 */
public final class ArtifactFetcher {

    /** Largest model card fetched: the app refuses larger cards at upload, so only a card voted around the app is refused here. */
    public static final int MAX_CARD_BYTES = 1024 * 1024;

    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private final SizeLimit artifactLimit;
    private final Duration deadline;
    private final SourcePolicy policy;

    /**
     * @param maxBytes largest artifact fetched; a larger one is refused (see {@link SourceRefusedException})
     * @param deadline time allowed for a whole fetch, body included
     */
    public ArtifactFetcher(long maxBytes, Duration deadline, SourcePolicy policy) {
        this.artifactLimit = new SizeLimit(maxBytes, TooLargeException.LIMIT_PHRASE, "MODELDAO_MAX_ARTIFACT_BYTES");
        this.deadline = deadline;
        this.policy = policy;
    }

    public long maxBytes() {
        return artifactLimit.bytes();
    }

    /**
     * Copies the artifact at {@code uri} into {@code sink} as it arrives, within the artifact size
     * limit (nothing beyond the limit reaches the sink); returns the number of bytes copied. A failure
     * may leave a partial copy in the sink: the caller discards it.
     */
    public long fetch(String uri, OutputStream sink) throws FetchFailedException {
        return fetch(uri, sink, artifactLimit);
    }

    /** The model card at {@code uri}, in memory: at most {@link #MAX_CARD_BYTES}. */
    public byte[] fetchCard(String uri) throws FetchFailedException {
        ByteArrayOutputStream card = new ByteArrayOutputStream();
        fetch(uri, card, new SizeLimit(MAX_CARD_BYTES, TooLargeException.CARD_LIMIT_PHRASE,
                "a card is text, not data; the app's upload limit"));
        return card.toByteArray();
    }

    private long fetch(String uri, OutputStream sink, SizeLimit limit) throws FetchFailedException {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchFailedException("not a URI: " + uri, e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> fromFile(parsed, sink, limit);
            case "http", "https" -> fromHttp(parsed, System.nanoTime() + deadline.toNanos(), sink, limit);
            default -> throw new SourceRefusedException("refused to fetch " + uri + ": unsupported URI scheme '"
                    + scheme + "' (http, https, and file when gateway.sources.allow-file is on)");
        };
    }

    private long fromFile(URI uri, OutputStream sink, SizeLimit limit) throws FetchFailedException {
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
            return copyBounded(in, sink, limit, uri);
        } catch (IOException e) {
            throw new FetchFailedException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private long fromHttp(URI uri, long deadlineNanos, OutputStream sink, SizeLimit limit) throws FetchFailedException {
        String host = SourcePolicy.hostOf(uri);
        if (host.isEmpty() || uri.getRawUserInfo() != null) {
            throw new SourceRefusedException("refused to fetch " + uri + ": an http(s) URI needs a host and no user info");
        }
        List<InetAddress> checked = policy.permittedAddresses(uri, resolve(uri, host, deadlineNanos));
        try {
            return HttpSource.fetch(uri, checked, deadlineNanos, sink, limit);
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

    /** Copies {@code in} to {@code sink} in small chunks; refuses at the first byte past the limit, which is never copied. */
    static long copyBounded(InputStream in, OutputStream sink, SizeLimit limit, URI source)
            throws IOException, TooLargeException {
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        long copied = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            if (copied + n > limit.bytes()) {
                throw limit.exceededAt(source);
            }
            sink.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /** A size limit and how its refusal reads. */
    record SizeLimit(long bytes, String phrase, String hint) {
        TooLargeException exceededAt(URI source) {
            return new TooLargeException(source + " is larger than the " + bytes + phrase + " (" + hint + ")");
        }
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

    /** The source is larger than {@code gateway.serving.max-artifact-bytes}, or a card larger than {@link #MAX_CARD_BYTES}. */
    public static final class TooLargeException extends SourceRefusedException {
        /** In every artifact size refusal. */
        public static final String LIMIT_PHRASE = "-byte artifact limit";
        /** In every model card size refusal. */
        public static final String CARD_LIMIT_PHRASE = "-byte model card limit";

        TooLargeException(String message) {
            super(message);
        }

        /** Whether a reason is a size refusal: how it is told from others. */
        public static boolean isReason(String reason) {
            return reason.contains(LIMIT_PHRASE) || reason.contains(CARD_LIMIT_PHRASE);
        }
    }
}
