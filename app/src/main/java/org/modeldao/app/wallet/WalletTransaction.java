package org.modeldao.app.wallet;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transaction the server prepared and the member's own wallet signs and sends
 * ({@code eth_sendTransaction}): the server never holds members' keys.
 *
 * @param from    the member's address
 * @param to      contract called
 * @param data    0x-prefixed calldata
 * @param summary what the wallet prompt is about, in plain language
 */
public record WalletTransaction(String from, String to, String data, String summary) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The {@code {from, to, data, value}} object EIP-1193 {@code eth_sendTransaction} takes. */
    public String toJson() {
        Map<String, String> tx = new LinkedHashMap<>();
        tx.put("from", from);
        tx.put("to", to);
        tx.put("data", data);
        tx.put("value", "0x0");
        return JSON.writeValueAsString(tx);
    }
}
