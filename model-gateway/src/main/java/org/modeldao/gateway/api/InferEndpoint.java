package org.modeldao.gateway.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.modeldao.gateway.inference.InferenceCall;
import org.modeldao.gateway.inference.InferenceService;
import org.modeldao.gateway.policy.Caller;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lean way in for {@code POST /v2/models/{m}[/versions/{v}]/infer}: a filter ahead of every
 * other that answers a plain JSON infer call itself — body limit, client address, bearer token,
 * JSON, {@link InferenceService}, JSON — without Spring MVC's dispatch, the per-request
 * observation or the security filter chain, which the gateway-vs-limit profile found to be most
 * of a call's CPU time (docs/benchmarks.md). Every governance check and the decision log are the
 * core's and stay on.
 *
 * <p>It answers with what the regular path answers, from the same parts ({@link InferTranslation},
 * {@link Responses}, {@link ApiExceptionHandler}, the same token decoder and client address
 * resolution). Whatever it would have to second-guess goes down the regular chain untouched,
 * before a byte of the body is read: another method or content type, an {@code Accept} other
 * than JSON, an escaped path, a token that does not verify (so each token refusal is Spring
 * Security's own). Whichever way an infer request goes, one that never reached the pipeline is counted here as
 * refused before the call ({@link InferenceService#refusedBeforeTheCall}), by the status it got.
 */
final class InferEndpoint implements Filter {

    private static final String PREFIX = "/v2/models/";
    private static final String SUFFIX = "/infer";
    private static final String VERSIONS = "/versions/";
    /** What Spring Security's default header writers add to every response of the regular path. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0",
            "X-Frame-Options", "DENY");

    private final InferenceService inference;
    private final JwtDecoder tokens;
    private final ClientAddressFilter clientAddress;
    private final JsonMapper json;
    private final long maxBodyBytes;
    private final InferBodyReader bodies;
    private final ProvenanceJson provenance;
    private final InferResponseJson answers;
    private final BearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();

    InferEndpoint(InferenceService inference, JwtDecoder tokens, ClientAddressFilter clientAddress, JsonMapper json,
            long maxBodyBytes) {
        this.inference = inference;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
        this.json = json;
        this.bodies = new InferBodyReader(json);
        this.provenance = new ProvenanceJson(json);
        this.answers = new InferResponseJson(json);
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Set on an infer request that reached {@link InferenceService#infer}, which counts it served or refused itself;
     * one that did not was refused before it could be a call, and this filter counts that refusal.
     */
    static final String REACHED_THE_PIPELINE = InferEndpoint.class.getName() + ".reached";

    /** A matched infer path: {@code version} null for the model's current version. */
    record Target(String model, String version) {}

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Target target = "POST".equals(request.getMethod()) && request.getContextPath().isEmpty()
                ? target(request.getRequestURI()) : null;
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            handle(target, request, response, chain);
        } finally {
            if (request.getAttribute(REACHED_THE_PIPELINE) == null) {
                inference.refusedBeforeTheCall(target.model(), target.version(), response.getStatus());
            }
        }
    }

    private void handle(Target target, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!json(request.getContentType()) || !acceptsJson(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        Jwt jwt;
        try {
            String token = bearerTokens.resolve(request);
            jwt = token == null ? null : tokens.decode(token);
        } catch (OAuth2AuthenticationException | JwtException refused) {
            chain.doFilter(request, response); // Spring Security refuses it, with its own status and words
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            RequestBodyLimitFilter.refuse(response, maxBodyBytes);
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            RequestBodyLimitFilter.refuse(response, maxBodyBytes);
            return;
        }
        write(response, answer(target, body, jwt, clientOf(request), request));
    }

    private ResponseEntity<Object> answer(Target target, byte[] body, Jwt jwt, String client, HttpServletRequest http) {
        try {
            Caller caller = CallerResolver.resolve(jwt, client);
            InferenceCall plain = body.length == 0 ? null : bodies.read(body, target.model(), target.version(), caller);
            if (plain != null) {
                http.setAttribute(REACHED_THE_PIPELINE, Boolean.TRUE);
                return InferTranslation.answer(inference.infer(plain), plain.requestId(), provenance);
            }
            // anything but the plain shape: databind's reading, with its refusals' wording
            OipDtos.InferRequest request;
            try {
                request = body.length == 0 ? null : json.readValue(body, OipDtos.InferRequest.class);
            } catch (JacksonException e) {
                return ApiExceptionHandler.malformedJson(NestedExceptionUtils.getMostSpecificCause(e));
            }
            if (request == null) {
                return ApiExceptionHandler.malformedJson(new IllegalArgumentException("Required request body is missing"));
            }
            InferenceCall call = InferTranslation.call(target.model(), target.version(), request, caller);
            http.setAttribute(REACHED_THE_PIPELINE, Boolean.TRUE);
            return InferTranslation.answer(inference.infer(call), request.id(), provenance);
        } catch (RuntimeException e) {
            return ApiExceptionHandler.answer(e);
        }
    }

    private String clientOf(HttpServletRequest request) {
        String forwarded = clientAddress.clientOf(request);
        return forwarded != null ? forwarded : request.getRemoteAddr();
    }

    /**
     * @return the body, or null when one without Content-Length runs past the limit (Tomcat ends a
     *     declared body's stream at its length, which the caller checked against the limit)
     */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        InputStream in = request.getInputStream();
        long declared = request.getContentLengthLong();
        if (declared >= 0) {
            return in.readNBytes((int) declared);
        }
        byte[] body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
        return body.length > maxBodyBytes ? null : body;
    }

    private void write(HttpServletResponse response, ResponseEntity<Object> answer) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        // add, not set: none of them is on the response yet, and Tomcat's set scans every header already there
        SECURITY_HEADERS.forEach(response::addHeader);
        byte[] bytes = answer.getBody() instanceof OipDtos.InferResponse served
                ? answers.write(served) : json.writeValueAsBytes(answer.getBody());
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** @return the model and version of an infer path, or null for any other path (or an escaped one) */
    static Target target(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return null;
        }
        String middle = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        int versions = middle.indexOf(VERSIONS);
        String model = versions < 0 ? middle : middle.substring(0, versions);
        String version = versions < 0 ? null : middle.substring(versions + VERSIONS.length());
        if (!segment(model) || (version != null && !segment(version))) {
            return null;
        }
        return new Target(model, version);
    }

    private static boolean segment(String s) {
        return !s.isEmpty() && s.indexOf('/') < 0;
    }

    /** What the regular path's {@code consumes = application/json} takes without a doubt. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/json;");
    }

    /** No Accept, or one that plainly takes JSON (no quality factors to weigh). */
    static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        if (accept.indexOf(';') >= 0) {
            return false;
        }
        List<String> ranges = Arrays.stream(accept.split(",")).map(String::trim).toList();
        return ranges.stream().anyMatch(r -> r.equals("*/*") || r.equals("application/*")
                || r.equalsIgnoreCase("application/json"));
    }
}
