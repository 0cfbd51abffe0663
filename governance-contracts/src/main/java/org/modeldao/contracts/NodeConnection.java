package org.modeldao.contracts;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import org.web3j.protocol.http.HttpService;

/**
 * How every module talks to a JSON-RPC node: web3j's HTTP service on a client that bounds each
 * call in time and in size. web3j's own client only bounds each read (10 s): a node that trickles
 * its answer a byte at a time holds the caller as long as it likes, and a node that answers with
 * gigabytes fills the heap. Here a call — connect, send, every byte of the answer — ends within
 * {@link NodeLimits#callTimeout()} ({@link java.io.InterruptedIOException} "timeout"), and an answer
 * larger than {@link NodeLimits#maxAnswerBytes()} fails as {@link AnswerTooLarge} once that many
 * bytes have come, whatever its {@code Content-Length} says. Both are {@link IOException}s, which
 * web3j passes on: the event stream takes either for a log range too big (halved), the readers for
 * a chain they cannot reach.
 */
public final class NodeConnection {

    /** The bounds of each call to the node. */
    public record NodeLimits(Duration callTimeout, long maxAnswerBytes) {

        private static final Duration LONGEST = Duration.ofMinutes(10); // before DEFAULTS, which the constructor checks against it

        /** The gateway's and the app's defaults: a node answering none of its calls costs a reader 20 s. */
        public static final NodeLimits DEFAULTS = new NodeLimits(Duration.ofSeconds(20), 64L * 1024 * 1024);

        public NodeLimits {
            if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero() || callTimeout.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("the node call timeout must be more than 0 and at most " + LONGEST
                        + ", not " + callTimeout);
            }
            if (maxAnswerBytes < 1024) {
                throw new IllegalArgumentException("the node's largest answer must be at least 1024 bytes, not " + maxAnswerBytes);
            }
        }

        /** The limits a module's settings give, {@link #DEFAULTS}' for each one left unset (null). */
        public static NodeLimits orDefaults(Duration callTimeout, Long maxAnswerBytes) {
            return new NodeLimits(callTimeout == null ? DEFAULTS.callTimeout : callTimeout,
                    maxAnswerBytes == null ? DEFAULTS.maxAnswerBytes : maxAnswerBytes);
        }
    }

    /** The node's answer was longer than the limit; its message says "exceeds", which the event stream halves on. */
    public static final class AnswerTooLarge extends IOException {
        AnswerTooLarge(long limit) {
            super("the node's answer exceeds " + limit + " bytes");
        }
    }

    private NodeConnection() {
    }

    public static HttpService http(String rpcUrl, NodeLimits limits) {
        OkHttpClient client = HttpService.getOkHttpClientBuilder() // web3j's own settings, bounded
                .connectTimeout(limits.callTimeout())
                .readTimeout(limits.callTimeout())
                .writeTimeout(limits.callTimeout())
                .callTimeout(limits.callTimeout())
                .addInterceptor(chain -> capped(chain.proceed(chain.request()), limits.maxAnswerBytes()))
                .build();
        return new HttpService(rpcUrl, client);
    }

    private static Response capped(Response response, long limit) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        if (body.contentLength() > limit) {
            response.close();
            throw new AnswerTooLarge(limit);
        }
        ForwardingSource counted = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                read += Math.max(n, 0);
                if (read > limit) {
                    throw new AnswerTooLarge(limit);
                }
                return n;
            }
        };
        return response.newBuilder().body(ResponseBody.create(Okio.buffer(counted), body.contentType(), body.contentLength()))
                .build();
    }
}
