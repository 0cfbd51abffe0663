package org.modeldao.app.identity;

import static org.modeldao.app.identity.SignInRejected.Reason.INVALID_SIGNATURE;
import static org.modeldao.app.identity.SignInRejected.Reason.MALFORMED_SIGNATURE;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * EIP-191 {@code personal_sign} signatures: recovers the signing address of a UTF-8 message with
 * web3j's {@link Sign}, which applies the "\x19Ethereum Signed Message:\n" + length prefix.
 */
public final class PersonalSignature {

    private static final Pattern HEX_SIGNATURE = Pattern.compile("^0x[0-9a-fA-F]{130}$");
    /** Contract wallets define their own signature formats (a multisig concatenates several): any bytes, within reason. */
    private static final Pattern HEX_BYTES = Pattern.compile("^0x(?:[0-9a-fA-F]{2}){1,4096}$");

    private PersonalSignature() {
    }

    /** The EIP-55 checksummed address that produced {@code signatureHex} over {@code message}. */
    public static String recoverSigner(String message, String signatureHex) {
        if (signatureHex == null || !HEX_SIGNATURE.matcher(signatureHex).matches()) {
            throw new SignInRejected(MALFORMED_SIGNATURE, "The signature must be 65 bytes as 0x-prefixed hex (r, s, v).");
        }
        byte[] bytes = org.web3j.utils.Numeric.hexStringToByteArray(signatureHex);
        byte v = bytes[64];
        // Some wallets and hardware signers send the recovery id as 0/1 instead of 27/28.
        if (v == 0 || v == 1) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            throw new SignInRejected(MALFORMED_SIGNATURE, "The signature's recovery byte v must be 27 or 28 (or 0 or 1).");
        }
        Sign.SignatureData signature = new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
        try {
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), signature);
            return Keys.toChecksumAddress(Keys.getAddress(publicKey));
        } catch (SignatureException | RuntimeException e) {
            throw new SignInRejected(INVALID_SIGNATURE, "The signature does not recover to any address.");
        }
    }

    /** The signature's bytes, of any length a contract wallet may use; refused if it is not 0x-prefixed hex. */
    public static byte[] bytes(String signatureHex) {
        if (signatureHex == null || !HEX_BYTES.matcher(signatureHex).matches()) {
            throw new SignInRejected(MALFORMED_SIGNATURE, "The signature must be 0x-prefixed hex (65 bytes r, s, v from a key; "
                    + "a contract wallet's own format otherwise).");
        }
        return org.web3j.utils.Numeric.hexStringToByteArray(signatureHex);
    }

    /** The EIP-191 hash a wallet signs for {@code message}: what an ERC-1271 contract is asked to vouch for. */
    public static byte[] messageHash(String message) {
        return Sign.getEthereumMessageHash(message.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs like a wallet's {@code personal_sign} would; returns 0x-prefixed r‖s‖v hex. */
    public static String sign(String message, org.web3j.crypto.ECKeyPair keyPair) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), keyPair);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return org.web3j.utils.Numeric.toHexString(bytes);
    }
}
