package org.modeldao.app.wallet;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

/**
 * EIP-712 typed data as wallets sign it with {@code eth_signTypedData_v4}, and recovery of
 * the signer, so the relayer can check who signed before it spends gas on anything.
 */
public final class Eip712 {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Map<String, String>> DOMAIN_TYPE = List.of(field("name", "string"), field("version", "string"),
            field("chainId", "uint256"), field("verifyingContract", "address"));

    private Eip712() {
    }

    /** One struct type: field name → Solidity type, in declaration order. */
    public static String typedData(String domainName, long chainId, String verifyingContract, String primaryType,
            List<Map<String, String>> fields, Map<String, Object> message) {
        Map<String, Object> domain = new LinkedHashMap<>();
        domain.put("name", domainName);
        domain.put("version", "1");
        domain.put("chainId", chainId);
        domain.put("verifyingContract", verifyingContract);
        Map<String, Object> types = new LinkedHashMap<>();
        types.put("EIP712Domain", DOMAIN_TYPE);
        types.put(primaryType, fields);
        Map<String, Object> typedData = new LinkedHashMap<>();
        typedData.put("types", types);
        typedData.put("primaryType", primaryType);
        typedData.put("domain", domain);
        typedData.put("message", message);
        return JSON.writeValueAsString(typedData);
    }

    public static Map<String, String> field(String name, String type) {
        Map<String, String> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("type", type);
        return field;
    }

    /** The address whose key made {@code signature} (65 bytes r ‖ s ‖ v) over the typed data; empty if malformed. */
    public static Optional<String> recoverSigner(String typedDataJson, byte[] signature) {
        if (signature == null || signature.length != 65) {
            return Optional.empty();
        }
        try {
            byte[] digest = new StructuredDataEncoder(typedDataJson).hashStructuredData();
            byte v = signature[64];
            if (v < 27) {
                v += 27;
            }
            if (v != 27 && v != 28) {
                return Optional.empty();
            }
            var data = new Sign.SignatureData(v, Arrays.copyOfRange(signature, 0, 32), Arrays.copyOfRange(signature, 32, 64));
            BigInteger publicKey = Sign.signedMessageHashToKey(digest, data);
            return Optional.of(Keys.toChecksumAddress(Keys.getAddress(publicKey)));
        } catch (IOException | RuntimeException | java.security.SignatureException malformed) {
            return Optional.empty();
        }
    }

    /** Parses a wallet's 0x-hex signature; empty if it is not 65 bytes of hex. */
    public static Optional<byte[]> signatureBytes(String hex) {
        if (hex == null || !hex.strip().matches("0x[0-9a-fA-F]{130}")) {
            return Optional.empty();
        }
        return Optional.of(Numeric.hexStringToByteArray(hex.strip()));
    }
}
