package org.modeldao.gateway.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.modeldao.gateway.net.IpLiterals;
import org.modeldao.gateway.net.IpNetwork;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code getRemoteAddr()} the client's address for everything after it (rate limits,
 * management access): the TCP peer, unless the peer is a configured trusted proxy, in which
 * case the nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy. With
 * no trusted proxy configured it does nothing at all, so a spoofed header changes nothing.
 */
final class ClientAddressFilter extends OncePerRequestFilter {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Set on requests whose address was taken from a trusted proxy's {@code X-Forwarded-For}. */
    static final String RESOLVED_BY_TRUSTED_PROXY = ClientAddressFilter.class.getName() + ".trusted";

    /** Proxies in front of proxies are few; a longer chain is not walked further. */
    private static final int MAX_HOPS = 16;

    private final IpNetwork[] trustedProxies;

    ClientAddressFilter(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(s -> !s.isBlank()).map(IpNetwork::parse)
                .toArray(IpNetwork[]::new);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trustedProxies.length == 0) {
            chain.doFilter(request, response);
            return;
        }
        String client = clientOf(request);
        if (client == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(RESOLVED_BY_TRUSTED_PROXY, Boolean.TRUE);
        chain.doFilter(new ForwardedClient(request, client), response);
    }

    /** @return the forwarded client's canonical address, or null when the peer is the client */
    String clientOf(HttpServletRequest request) {
        if (trustedProxies.length == 0) {
            return null; // the default: nothing to parse for, on every call
        }
        byte[] peer = IpLiterals.parse(request.getRemoteAddr());
        if (!IpNetwork.anyContains(trustedProxies, peer)) {
            return null;
        }
        List<String> headers = new ArrayList<>(2);
        for (Enumeration<String> values = request.getHeaders(FORWARDED_FOR); values != null && values.hasMoreElements(); ) {
            headers.add(values.nextElement());
        }
        String client = null;
        int hopsSeen = 0;
        // right to left: each trusted proxy appended the address it was called from; what is left of
        // the first untrusted hop was written by the client and is not believed
        for (int h = headers.size() - 1; h >= 0; h--) {
            String header = headers.get(h);
            int end = header.length();
            while (end >= 0) {
                if (++hopsSeen > MAX_HOPS) {
                    return client;
                }
                int comma = header.lastIndexOf(',', end - 1);
                byte[] hop = IpLiterals.parse(header.substring(comma + 1, end).trim());
                if (hop == null) {
                    return client; // garbage in the chain: believe nothing to the left of it
                }
                client = IpLiterals.format(hop);
                if (!IpNetwork.anyContains(trustedProxies, hop)) {
                    return client;
                }
                end = comma;
            }
        }
        return client;
    }

    private static final class ForwardedClient extends HttpServletRequestWrapper {
        private final String client;

        ForwardedClient(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
