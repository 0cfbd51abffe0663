package org.modeldao.gateway.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One GET with Apache HttpClient to addresses already checked by the {@link SourcePolicy} (see
 * {@link CheckedAddresses}); TLS keeps the client's certificate and host name checks. No redirect
 * is followed, nothing is retried, no proxy is used, and the body is bounded and streamed to a sink. One deadline covers
 * connection, headers and body: the request is aborted when it passes, so a body that stalls or
 * trickles ends there too.
 */
final class HttpSource {

    /** Aborts requests at their deadline; one daemon thread for all fetches; a finished fetch's abort leaves the queue. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    /**
     * The JVM's default trust store and host name verification, built once: a fresh one per fetch
     * would load the trust store each time.
     */
    private static final TlsSocketStrategy TLS = DefaultClientTlsStrategy.createDefault();

    private HttpSource() {
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        var executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("artifact-fetch-deadline").factory());
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    static long fetch(URI uri, List<InetAddress> checked, long deadlineNanos, OutputStream sink,
            ArtifactFetcher.SizeLimit limit)
            throws IOException, ArtifactFetcher.FetchFailedException {
        Timeout remaining = Timeout.ofMilliseconds(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept-Encoding", "identity");
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> abort = DEADLINES.schedule(() -> {
            deadlinePassed.set(true);
            request.cancel();
        }, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        try (CloseableHttpClient client = client(uri, checked, remaining)) {
            ClassicHttpResponse response = client.executeOpen(null, request, null);
            try {
                return body(uri, response, sink, limit);
            } finally {
                request.cancel(); // drops the connection: closing the response must not drain a refused body
                closeDropped(response);
            }
        } catch (IOException | IllegalStateException e) {
            // an abort at the deadline surfaces as a closed socket or an endpoint already released
            if (deadlinePassed.get() || e instanceof SocketTimeoutException) {
                throw new ArtifactFetcher.FetchFailedException("GET " + uri + " failed: the fetch deadline passed", e);
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } finally {
            abort.cancel(false);
        }
    }

    /** The response's connection was dropped already; closing it may only report that. */
    private static void closeDropped(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the body was read or refused before; nothing is lost
        }
    }

    private static CloseableHttpClient client(URI uri, List<InetAddress> checked, Timeout remaining) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(TLS)
                .setDnsResolver(new CheckedAddresses(SourcePolicy.hostOf(uri), checked))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(remaining).setSocketTimeout(remaining).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false).setResponseTimeout(remaining).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("model-gateway")
                .build();
    }

    private static long body(URI uri, ClassicHttpResponse response, OutputStream sink, ArtifactFetcher.SizeLimit limit)
            throws IOException, ArtifactFetcher.FetchFailedException {
        int status = response.getCode();
        if (status != 200) {
            throw new ArtifactFetcher.FetchFailedException("GET " + uri + " answered " + status
                    + (status / 100 == 3 ? " (redirects are not followed)" : ""), null);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return 0;
        }
        if (entity.getContentLength() > limit.bytes()) {
            throw limit.exceededAt(uri);
        }
        try (InputStream in = entity.getContent()) {
            return ArtifactFetcher.copyBounded(in, sink, limit, uri);
        }
    }
}
