package org.modeldao.app.identity;

import java.time.Instant;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/** Fixed keys and messages shared by the SIWE tests. */
final class SiweFixture {

    /** Hardhat's well-known dev account #0 and #1: fixed, public test keys. */
    static final Credentials ALICE = Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final Credentials MALLORY = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    static final SiteOrigin ORIGIN = new SiteOrigin("https", "dao.example.org");
    static final long CHAIN_ID = 31337;
    static final Instant ISSUED_AT = Instant.parse("2026-11-25T12:00:00Z");

    private SiweFixture() {
    }

    static SiweMessage messageFor(Credentials who) {
        return new SiweMessage(null, ORIGIN.authority(), org.web3j.crypto.Keys.toChecksumAddress(who.getAddress()),
                "Sign in to the Model DAO.", "https://dao.example.org/sign-in", "1", CHAIN_ID, "abcdEFGH1234",
                ISSUED_AT, null, null, null, List.of());
    }

    static String sign(String message, Credentials who) {
        return sign(message, who.getEcKeyPair());
    }

    static String sign(String message, ECKeyPair keyPair) {
        return PersonalSignature.sign(message, keyPair);
    }
}
