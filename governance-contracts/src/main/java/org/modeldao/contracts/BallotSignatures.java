package org.modeldao.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gasless votes (EIP-712 {@code Ballot}, as OpenZeppelin's Governor verifies in
 * {@code castVoteBySig}): the typed data a wallet signs with {@code eth_signTypedData_v4},
 * and signing it with a local key (tests, relayer tooling).
 */
public final class BallotSignatures {

    /** Must match the name given to the Governor's constructor (its EIP-712 domain). */
    public static final String GOVERNOR_NAME = "ModelDaoGovernor";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BallotSignatures() {
    }

    /** The {@code eth_signTypedData_v4} payload for a vote. */
    public static String typedData(long chainId, String governor, BigInteger proposalId, VoteType vote, String voter,
            BigInteger nonce) {
        Map<String, Object> domain = new LinkedHashMap<>();
        domain.put("name", GOVERNOR_NAME);
        domain.put("version", "1");
        domain.put("chainId", chainId);
        domain.put("verifyingContract", governor);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("proposalId", proposalId.toString());
        message.put("support", vote.support().intValueExact());
        message.put("voter", voter);
        message.put("nonce", nonce.toString());
        Map<String, Object> typedData = new LinkedHashMap<>();
        typedData.put("types", Map.of(
                "EIP712Domain", List.of(field("name", "string"), field("version", "string"), field("chainId", "uint256"),
                        field("verifyingContract", "address")),
                "Ballot", List.of(field("proposalId", "uint256"), field("support", "uint8"), field("voter", "address"),
                        field("nonce", "uint256"))));
        typedData.put("primaryType", "Ballot");
        typedData.put("domain", domain);
        typedData.put("message", message);
        return JSON.writeValueAsString(typedData);
    }

    /** Signs typed data with a local key: 65 bytes r ‖ s ‖ v, as wallets return them. */
    public static byte[] sign(String typedDataJson, Credentials signer) {
        try {
            Sign.SignatureData signature = Sign.signTypedData(typedDataJson, signer.getEcKeyPair());
            byte[] joined = new byte[65];
            System.arraycopy(signature.getR(), 0, joined, 0, 32);
            System.arraycopy(signature.getS(), 0, joined, 32, 32);
            joined[64] = signature.getV()[0];
            return joined;
        } catch (IOException e) {
            throw new UncheckedIOException("malformed typed data", e);
        }
    }

    /** The EIP-712 digest of typed data (what the signature covers). */
    public static byte[] digest(String typedDataJson) {
        try {
            return new StructuredDataEncoder(typedDataJson).hashStructuredData();
        } catch (IOException e) {
            throw new UncheckedIOException("malformed typed data", e);
        }
    }

    public static String hex(byte[] signature) {
        return Numeric.toHexString(signature);
    }

    private static Map<String, String> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }
}
