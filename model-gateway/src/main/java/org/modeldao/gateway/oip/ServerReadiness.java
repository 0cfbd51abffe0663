package org.modeldao.gateway.oip;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Whether the gateway can serve, and ("ok" or "degraded") how well it follows the chain and the token feed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerReadiness(boolean ready, String status, Map<String, Object> parameters) {}
