package org.modeldao.app.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modeldao.app.GovernanceChainFixture;
import org.modeldao.app.proposals.ProposalAction.ApproveVersion;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.VoteType;
import org.modeldao.app.wallet.RelayerProperties;
import org.modeldao.app.wallet.WalletTransaction;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Proposals whose on-chain description the indexer had to clean (NUL and control characters;
 * bytes that are not UTF-8, proposed by a raw transaction) are queued and executed through the
 * app's {@link ProposalService}, on H2 and PostgreSQL with a real Hardhat node: the service uses
 * the hash of the raw description bytes kept at indexing time, not a hash of the cleaned text.
 */
class RawDescriptionHashIT {

    private static final byte[] CONTROL_CHARACTERS = "Approve raw-a v1\u0000 with NUL,\u0007 bell and \u001b[31m escape"
            .getBytes(StandardCharsets.UTF_8);
    /** "Approve raw-b v1 " then a lone continuation byte, a truncated 3-byte sequence and an overlong NUL. */
    private static final byte[] INVALID_UTF8 = concat("Approve raw-b v1 ".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0x80, ' ', (byte) 0xE2, (byte) 0x82, ' ', (byte) 0xC0, (byte) 0x80});

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void proposals_with_cleaned_descriptions_are_queued_and_executed_through_the_app(String database) throws Exception {
        try (GovernanceChainFixture dao = GovernanceChainFixture.start(database, RelayerProperties.defaults())) {
            passAndExecute(dao, "raw-a", CONTROL_CHARACTERS);
            passAndExecute(dao, "raw-b", INVALID_UTF8);
        }
    }

    private static void passAndExecute(GovernanceChainFixture dao, String model, byte[] rawDescription) throws Exception {
        Credentials member = dao.members.get(0);
        ProposalCall call = dao.codec.encode(new ApproveVersion(model, "1", "0x" + "ab".repeat(32), "https://dao.example/artifacts/ab",
                "0x" + "cd".repeat(32), "https://dao.example/artifacts/cd", "onnx"));
        BigInteger proposalId = proposeRaw(dao, dao.admin, call, rawDescription);
        dao.devGovernance.startVoting(proposalId);
        for (Credentials voter : List.of(dao.admin, dao.members.get(0), dao.members.get(1))) {
            dao.devGovernance.vote(voter, proposalId, VoteType.FOR, "");
        }
        dao.devGovernance.endVoting(proposalId);
        dao.awaitIndexed();

        ProposalDetails details = dao.proposals.require(proposalId);
        byte[] onChainHash = Hash.sha3(rawDescription);
        assertThat(details.description().getBytes(StandardCharsets.UTF_8)).as("the description shown was cleaned").isNotEqualTo(rawDescription);
        assertThat(details.proposal().descriptionHash()).as("so hashing it again would miss the proposal").isNotEqualTo(onChainHash);
        assertThat(details.descriptionHash()).isEqualTo(onChainHash);

        assertThat(dao.sendFromWallet(member, dao.proposals.queue(member.getAddress(), proposalId)).isStatusOK()).isTrue();
        assertThat(dao.governor.state(proposalId)).isEqualTo(ProposalState.QUEUED);
        dao.chain.increaseTime(dao.governor.timelockDelay().plus(Duration.ofSeconds(1)));
        dao.awaitIndexed();
        TransactionReceipt executed = dao.sendFromWallet(member, dao.proposals.execute(member.getAddress(), proposalId));

        assertThat(executed.isStatusOK()).isTrue();
        assertThat(dao.governor.state(proposalId)).isEqualTo(ProposalState.EXECUTED);
        assertThat(dao.registry().getVersion(model, "1").send().artifactUri).isEqualTo("https://dao.example/artifacts/ab");
    }

    /**
     * propose(address[],uint256[],bytes[],string) with the description's bytes as given (an ABI
     * string and bytes encode alike): web3j's string type could not send invalid UTF-8.
     */
    private static BigInteger proposeRaw(GovernanceChainFixture dao, Credentials proposer, ProposalCall call, byte[] description) {
        String selector = Hash.sha3String("propose(address[],uint256[],bytes[],string)").substring(0, 10);
        String arguments = FunctionEncoder.encodeConstructor(List.of(
                new DynamicArray<>(Address.class, List.of(new Address(call.target()))),
                new DynamicArray<>(Uint256.class, List.of(new Uint256(call.value()))),
                new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(call.calldataBytes()))),
                new DynamicBytes(description)));
        TransactionReceipt proposed = dao.sendFromWallet(proposer,
                new WalletTransaction(proposer.getAddress(), dao.contracts.governor(), selector + arguments, "raw propose"));
        assertThat(proposed.isStatusOK()).as("proposed").isTrue();
        return new BigInteger(1, Hash.sha3(FunctionEncoder.encodeConstructor(List.of(
                new DynamicArray<>(Address.class, List.of(new Address(call.target()))),
                new DynamicArray<>(Uint256.class, List.of(new Uint256(call.value()))),
                new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(call.calldataBytes()))),
                new org.web3j.abi.datatypes.generated.Bytes32(Hash.sha3(description))))
                .transform(org.web3j.utils.Numeric::hexStringToByteArray)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
