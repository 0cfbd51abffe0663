package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modeldao.app.identity.SiweFixture.ALICE;
import static org.modeldao.app.identity.SiweFixture.CHAIN_ID;
import static org.modeldao.app.identity.SiweFixture.ISSUED_AT;
import static org.modeldao.app.identity.SiweFixture.MALLORY;
import static org.modeldao.app.identity.SiweFixture.ORIGIN;
import static org.modeldao.app.identity.SiweFixture.messageFor;
import static org.modeldao.app.identity.SiweFixture.sign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.app.chain.ContractSignatures;
import org.modeldao.app.identity.SignInRejected.Reason;
import org.web3j.utils.Numeric;

class SiweVerifierTest {

    private final SiweVerifier verifier = verifierAt(ISSUED_AT.plusSeconds(30));

    private static SiweVerifier verifierAt(Instant now) {
        return new SiweVerifier(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(1));
    }

    @Test
    void accepts_a_message_signed_by_its_address_with_web3j_sign_prefixed_message() {
        String text = messageFor(ALICE).toMessage();

        SiweMessage verified = verifier.verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID);

        assertThat(verified.address()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    }

    @Test
    void accepts_the_spec_example_message_signed_by_its_address() {
        // The spec's example names 0xC02a... whose key nobody has; the same text for a key we hold:
        String text = SiweMessageParserTest.SPEC_EXAMPLE.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        SiweVerifier atSpecTime = verifierAt(Instant.parse("2021-09-30T16:26:00Z"));

        SiweMessage verified = atSpecTime.verify(text, sign(text, ALICE), new SiteOrigin("https", "example.com"), 1);

        assertThat(verified.resources()).hasSize(2);
    }

    @Test
    void accepts_a_signature_whose_recovery_byte_is_0_or_1() {
        String text = messageFor(ALICE).toMessage();
        byte[] signature = Numeric.hexStringToByteArray(sign(text, ALICE));
        signature[64] -= 27;

        assertThat(verifier.verify(text, Numeric.toHexString(signature), ORIGIN, CHAIN_ID).address())
                .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    }

    /** A contract account that records what it was asked and accepts exactly one signature. */
    static final class OneContractWallet implements ContractSignatures {
        final String address;
        final byte[] accepted;
        final List<String> asked = new ArrayList<>();

        OneContractWallet(String address, byte[] accepted) {
            this.address = address;
            this.accepted = accepted;
        }

        @Override
        public boolean isContract(String account) {
            asked.add("code " + account);
            return account.equals(address);
        }

        @Override
        public boolean isValidSignature(String account, byte[] hash, byte[] signature) {
            asked.add("isValidSignature " + account + " " + Numeric.toHexString(hash));
            return account.equals(address) && Arrays.equals(signature, accepted);
        }
    }

    @Test
    void a_contract_wallet_is_asked_about_the_eip191_hash_and_its_answer_decides() {
        String contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        SiweMessage forContract = new SiweMessage(null, ORIGIN.authority(), contract, "Sign in to the Model DAO.",
                "https://dao.example.org/sign-in", "1", CHAIN_ID, "abcdEFGH1234", ISSUED_AT, null, null, null, List.of());
        String text = forContract.toMessage();
        byte[] multisig = new byte[130]; // two owners' signatures, as a multisig would concatenate them
        Arrays.fill(multisig, (byte) 7);
        OneContractWallet wallet = new OneContractWallet(contract, multisig);
        SiweVerifier withContracts = new SiweVerifier(Clock.fixed(ISSUED_AT.plusSeconds(30), ZoneOffset.UTC), Duration.ofMinutes(1), wallet);

        assertThat(withContracts.verify(text, Numeric.toHexString(multisig), ORIGIN, CHAIN_ID).address()).isEqualTo(contract);
        assertThat(wallet.asked).containsExactly("code " + contract, "isValidSignature " + contract + " "
                + Numeric.toHexString(PersonalSignature.messageHash(text)));
        assertThatThrownBy(() -> withContracts.verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID))
                .isInstanceOfSatisfying(SignInRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE))
                .hasMessageContaining("ERC-1271");
        String aliceText = messageFor(ALICE).toMessage();
        wallet.asked.clear();
        assertThat(withContracts.verify(aliceText, sign(aliceText, ALICE), ORIGIN, CHAIN_ID).address()).isNotEqualTo(contract);
        assertThat(wallet.asked).as("a key's own signature needs no chain").isEmpty();
    }

    @Test
    void refuses_a_message_signed_by_another_key() {
        String text = messageFor(ALICE).toMessage();

        assertRejected(() -> verifier.verify(text, sign(text, MALLORY), ORIGIN, CHAIN_ID), Reason.INVALID_SIGNATURE);
    }

    @Test
    void refuses_a_message_changed_after_signing() {
        String text = messageFor(ALICE).toMessage();
        String signature = sign(text, ALICE);

        assertRejected(() -> verifier.verify(text.replace("Sign in to", "Sign in at"), signature, ORIGIN, CHAIN_ID), Reason.INVALID_SIGNATURE);
    }

    @Test
    void refuses_a_signature_that_is_not_65_bytes_of_hex() {
        String text = messageFor(ALICE).toMessage();

        assertRejected(() -> verifier.verify(text, "0x1234", ORIGIN, CHAIN_ID), Reason.MALFORMED_SIGNATURE);
        assertRejected(() -> verifier.verify(text, sign(text, ALICE).substring(2), ORIGIN, CHAIN_ID), Reason.MALFORMED_SIGNATURE);
    }

    @Test
    void refuses_a_message_for_another_domain() {
        String text = messageFor(ALICE).toMessage().replace("dao.example.org wants", "evil.example.org wants");

        assertRejected(() -> verifier.verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID), Reason.WRONG_DOMAIN);
    }

    @Test
    void refuses_a_message_whose_scheme_differs_from_the_site() {
        String text = "http://" + messageFor(ALICE).toMessage();

        assertRejected(() -> verifier.verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID), Reason.WRONG_DOMAIN);
    }

    @Test
    void refuses_a_message_whose_uri_is_on_another_origin() {
        String text = messageFor(ALICE).toMessage().replace("URI: https://dao.example.org/", "URI: https://evil.example.org/");

        assertRejected(() -> verifier.verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID), Reason.WRONG_URI);
    }

    @Test
    void refuses_a_message_for_another_chain() {
        String text = messageFor(ALICE).toMessage();

        assertRejected(() -> verifier.verify(text, sign(text, ALICE), ORIGIN, 1), Reason.WRONG_CHAIN);
    }

    @Test
    void refuses_a_message_past_its_expiration_time() {
        SiweMessage base = messageFor(ALICE);
        String text = withWindow(base, ISSUED_AT.plusSeconds(10), null).toMessage();

        assertRejected(() -> verifier.verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID), Reason.MESSAGE_EXPIRED);
    }

    @Test
    void refuses_a_message_before_its_not_before_time() {
        String text = withWindow(messageFor(ALICE), null, ISSUED_AT.plusSeconds(600)).toMessage();

        assertRejected(() -> verifier.verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID), Reason.MESSAGE_NOT_YET_VALID);
    }

    @Test
    void refuses_a_message_issued_in_the_future() {
        String text = messageFor(ALICE).toMessage();

        assertRejected(() -> verifierAt(ISSUED_AT.minusSeconds(600)).verify(text, sign(text, ALICE), ORIGIN, CHAIN_ID), Reason.ISSUED_IN_FUTURE);
    }

    @Test
    void refuses_a_malformed_message_before_looking_at_the_signature() {
        assertRejected(() -> verifier.verify("hello", "0x00", ORIGIN, CHAIN_ID), Reason.MALFORMED_MESSAGE);
    }

    private static SiweMessage withWindow(SiweMessage m, Instant expiration, Instant notBefore) {
        return new SiweMessage(m.scheme(), m.domain(), m.address(), m.statement(), m.uri(), m.version(), m.chainId(),
                m.nonce(), m.issuedAt(), expiration, notBefore, m.requestId(), m.resources());
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOf(SignInRejected.class)
                .extracting(e -> ((SignInRejected) e).reason()).isEqualTo(reason);
    }
}
