package org.modeldao.gateway.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a caller's network address comes from ({@code gateway.client-address.*}).
 *
 * @param trustedProxies reverse proxies (IP addresses or CIDR networks) whose {@code X-Forwarded-For}
 *     is believed. Empty (the default): no proxy is trusted, the TCP peer is the client and
 *     {@code X-Forwarded-For} is ignored, whoever sends it.
 */
@ConfigurationProperties("gateway.client-address")
public record ClientAddressProperties(@DefaultValue List<String> trustedProxies) {}
