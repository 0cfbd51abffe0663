package org.modeldao.gateway.verification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches artifact bytes from a {@code file:} or {@code http(s):} URI into memory, refusing
 * anything larger than {@code maxBytes}. Nothing here interprets the bytes.
 */
public final class ArtifactFetcher {

    private final HttpClient http;
    private final long maxBytes;
    private final Duration timeout;

    public ArtifactFetcher(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
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
            case "file" -> fromFile(Path.of(parsed));
            case "http", "https" -> fromHttp(parsed);
            default -> throw new FetchFailedException("unsupported URI scheme '" + scheme + "' in " + uri, null);
        };
    }

    private byte[] fromFile(Path path) throws FetchFailedException {
        try (InputStream in = Files.newInputStream(path)) {
            return readBounded(in, path.toString());
        } catch (IOException e) {
            throw new FetchFailedException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private byte[] fromHttp(URI uri) throws FetchFailedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FetchFailedException("GET " + uri + " answered " + response.statusCode(), null);
                }
                return readBounded(in, uri.toString());
            }
        } catch (IOException e) {
            throw new FetchFailedException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailedException("interrupted while fetching " + uri, e);
        }
    }

    private byte[] readBounded(InputStream in, String source) throws IOException, FetchFailedException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new FetchFailedException(source + " is larger than the " + maxBytes + "-byte limit", null);
        }
        return bytes;
    }

    /** The artifact could not be fetched; the version stays unloaded and is retried later. */
    public static final class FetchFailedException extends Exception {
        public FetchFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
