package org.modeldao.app.base;

/** JSON body of every 4xx/5xx answer of the REST API: {@code {"error": "...", "message": "..."}}. */
public record ApiError(String error, String message) {
}
