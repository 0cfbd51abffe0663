package org.modeldao.gateway.api;

/** The request is malformed JSON-wise or OIP-wise (400). */
class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
