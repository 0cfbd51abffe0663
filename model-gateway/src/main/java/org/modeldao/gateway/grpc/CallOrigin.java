package org.modeldao.gateway.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Who sent a call, as far as the transport knows: its {@code authorization} metadata and the TCP
 * peer's address (the client's, as HTTP's {@code getRemoteAddr()} without trusted proxies).
 */
record CallOrigin(String authorization, String remoteAddress) {

    static final Context.Key<CallOrigin> KEY = Context.key("modeldao-call-origin");
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    static CallOrigin current() {
        CallOrigin origin = KEY.get();
        return origin != null ? origin : new CallOrigin(null, null);
    }

    /** Puts each call's origin in its gRPC context. */
    static final class Interceptor implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            String remote = peer instanceof InetSocketAddress inet && inet.getAddress() != null
                    ? inet.getAddress().getHostAddress() : null;
            Context context = Context.current().withValue(KEY, new CallOrigin(headers.get(AUTHORIZATION), remote));
            return Contexts.interceptCall(context, call, headers, next);
        }
    }
}
