package org.modeldao.app.base;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the JSON API ({@code modeldao.api.*}).
 *
 * @param maxBodyBytes largest request body of {@code /api/**} (64 KiB by default: the largest
 *     legitimate body, a signed vote with a 1,000-character reason, is under 5 KiB); the artifact
 *     upload has its own limit, {@code modeldao.artifacts.max-size-bytes}
 */
@ConfigurationProperties("modeldao.api")
public record ApiProperties(@DefaultValue("65536") long maxBodyBytes) {

    public ApiProperties {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("modeldao.api.max-body-bytes must be at least 1, not " + maxBodyBytes);
        }
    }
}
