package org.modeldao.gateway.api;

import org.modeldao.gateway.decisions.DecisionLogUnavailableException;
import org.modeldao.gateway.oip.InputHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Malformed requests become {"error": "..."} with a 4xx status, never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return answer(e);
    }

    @ExceptionHandler(InputHeader.Malformed.class)
    ResponseEntity<Object> malformedInput(InputHeader.Malformed e) {
        return answer(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return Responses.error(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            }
        }
        return malformedJson(e.getMostSpecificCause());
    }

    /** The answer to a body that is not JSON (or not the request's shape), for whichever way it was read. */
    static ResponseEntity<Object> malformedJson(Throwable cause) {
        return Responses.error(HttpStatus.BAD_REQUEST, "malformed JSON request: " + firstLine(cause));
    }

    /** What {@link InferEndpoint} answers for what it caught: the same as the handlers below. */
    static ResponseEntity<Object> answer(RuntimeException e) {
        return switch (e) {
            case BadRequestException bad -> Responses.error(HttpStatus.BAD_REQUEST, bad.getMessage());
            case InputHeader.Malformed malformed -> Responses.error(HttpStatus.BAD_REQUEST, malformed.getMessage());
            case DecisionLogUnavailableException unavailable -> Responses.error(HttpStatus.SERVICE_UNAVAILABLE,
                    unavailable.getMessage());
            default -> unexpectedFailure(e);
        };
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
        return Responses.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
        return Responses.error(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e) {
        return Responses.error(HttpStatus.NOT_FOUND, "no such endpoint");
    }

    /** The call may have run, but it is not answered unless it is recorded. */
    @ExceptionHandler(DecisionLogUnavailableException.class)
    ResponseEntity<Object> decisionLogUnavailable(DecisionLogUnavailableException e) {
        return answer(e);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException e) {
        return unexpectedFailure(e);
    }

    private static ResponseEntity<Object> unexpectedFailure(RuntimeException e) {
        log.error("unexpected failure", e);
        return Responses.error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
