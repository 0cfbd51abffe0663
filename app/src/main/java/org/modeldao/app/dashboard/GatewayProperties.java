package org.modeldao.app.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the dashboard asks the model gateway what it serves.
 *
 * @param url     the gateway's base URL (e.g. http://127.0.0.1:8081); empty = the dashboard shows the catalog only
 * @param timeout longest wait for the gateway's answers, all models together (default 2 s): a gateway that
 *                hangs makes the panel say "not reachable", never the page wait
 */
@ConfigurationProperties("modeldao.gateway")
public record GatewayProperties(String url, Duration timeout) {

    public GatewayProperties {
        url = url == null ? "" : url.strip().replaceAll("/+$", "");
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        if (!url.isEmpty() && !url.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException("modeldao.gateway.url must be an http(s) URL, e.g. http://127.0.0.1:8081; was " + url);
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("modeldao.gateway.timeout must be positive");
        }
    }

    public boolean configured() {
        return !url.isEmpty();
    }
}
