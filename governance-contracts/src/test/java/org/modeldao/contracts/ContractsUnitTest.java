package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.devchain.DevAccounts;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

class ContractsUnitTest {

    private static final String ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    @Test
    void the_dev_accounts_are_hardhat_s_well_known_ones() {
        assertThat(DevAccounts.get(0).getAddress()).isEqualToIgnoringCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(DevAccounts.get(1).getAddress()).isEqualToIgnoringCase("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        assertThat(DevAccounts.all()).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void a_descriptor_survives_a_round_trip_through_json() {
        DeploymentDescriptor descriptor = new DeploymentDescriptor(31337, "http://127.0.0.1:8545", ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, 3, Instant.parse("2026-11-25T10:15:30Z"));
        assertThat(DeploymentDescriptor.parse(descriptor.toJson())).isEqualTo(descriptor);
        assertThat(descriptor.withRpcUrl("http://chain:8545").rpcUrl()).isEqualTo("http://chain:8545");
    }

    @Test
    void a_descriptor_refuses_impossible_values() {
        assertThatThrownBy(() -> new DeploymentDescriptor(0, "http://x", ADDRESS, ADDRESS, ADDRESS, ADDRESS, 0, Instant.now()))
                .hasMessageContaining("chainId");
        assertThatThrownBy(() -> new DeploymentDescriptor(1, "http://x", ADDRESS, "nope", ADDRESS, ADDRESS, 0, Instant.now()))
                .hasMessageContaining("timelock");
        assertThatThrownBy(() -> DeploymentDescriptor.parse("{not json"))
                .isInstanceOf(DeploymentDescriptor.InvalidDescriptorException.class);
    }

    @Test
    void a_ballot_signature_recovers_to_the_voter() throws Exception {
        Credentials voter = DevAccounts.get(3);
        String typedData = BallotSignatures.typedData(31337, ADDRESS, BigInteger.valueOf(42), VoteType.AGAINST,
                voter.getAddress(), BigInteger.ZERO);
        byte[] signature = BallotSignatures.sign(typedData, voter);

        assertThat(signature).hasSize(65);
        Sign.SignatureData parts = new Sign.SignatureData(signature[64], Arrays.copyOfRange(signature, 0, 32),
                Arrays.copyOfRange(signature, 32, 64));
        BigInteger key = Sign.signedMessageHashToKey(BallotSignatures.digest(typedData), parts);
        assertThat("0x" + Keys.getAddress(key)).isEqualToIgnoringCase(voter.getAddress());

        String otherVote = BallotSignatures.typedData(31337, ADDRESS, BigInteger.valueOf(42), VoteType.FOR,
                voter.getAddress(), BigInteger.ZERO);
        assertThat(BallotSignatures.digest(otherVote)).isNotEqualTo(BallotSignatures.digest(typedData));
    }

    @Test
    void revert_data_decodes_to_the_registry_s_custom_error() {
        // VersionAlreadyRegistered(string,string) with ("iris", "1"), as the node returns it
        String selector = Numeric.toHexString(org.web3j.crypto.Hash.sha3("VersionAlreadyRegistered(string,string)".getBytes()))
                .substring(0, 10);
        String args = org.web3j.abi.FunctionEncoder.encodeConstructor(List.of(
                new org.web3j.abi.datatypes.Utf8String("iris"), new org.web3j.abi.datatypes.Utf8String("1")));
        ContractErrors.Revert revert = ContractErrors.decode(selector + args);
        assertThat(revert.name()).isEqualTo("VersionAlreadyRegistered");
        assertThat(revert.arguments()).containsExactly("iris", "1");
        assertThat(revert).hasToString("VersionAlreadyRegistered(iris, 1)");
        assertThat(ContractErrors.decode("0xdeadbeef").name()).isEqualTo("Unknown");
    }

    @Test
    void allocations_parse_from_the_deploy_command_s_format_and_bad_entries_are_refused() {
        assertThat(DeployCommand.parseAllocations(ADDRESS + "=10, " + ADDRESS + "=5"))
                .extracting(DeploymentSettings.Allocation::amount)
                .containsExactly(DeploymentSettings.tokens(10), DeploymentSettings.tokens(5));
        assertThatThrownBy(() -> DeployCommand.parseAllocations(ADDRESS)).hasMessageContaining("0xAddress=wholeTokens");
        assertThatThrownBy(() -> DeployCommand.parseAllocations(ADDRESS + "=0")).hasMessageContaining("positive");
    }

    @Test
    void registry_kinds_map_to_their_on_chain_codes_and_refuse_unknown_ones() {
        assertThat(RegistryKinds.PolicyKind.ALLOW_LIST.code()).isEqualTo(BigInteger.TWO);
        assertThat(RegistryKinds.ConstraintKind.of(BigInteger.valueOf(4))).isEqualTo(RegistryKinds.ConstraintKind.ALLOWED_PURPOSES);
        assertThatThrownBy(() -> RegistryKinds.VersionState.of(BigInteger.valueOf(3))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProposalState.ofOrdinal(7)).isEqualTo(ProposalState.EXECUTED);
        assertThat(VoteType.ofSupport(2)).isEqualTo(VoteType.ABSTAIN);
    }

    @Test
    void settings_refuse_a_late_quorum_extension_longer_than_the_voting_period() {
        var holders = List.of(new DeploymentSettings.Allocation(ADDRESS, DeploymentSettings.tokens(1)));
        assertThatThrownBy(() -> new DeploymentSettings("T", "T", holders, 1, 50, BigInteger.ZERO, 4, 51,
                java.time.Duration.ZERO)).hasMessageContaining("lateQuorumExtensionBlocks");
        assertThat(new DeploymentSettings("T", "T", holders, 1, 50, BigInteger.ZERO, 4, 50, java.time.Duration.ZERO)
                .lateQuorumExtensionBlocks()).isEqualTo(50);
    }
}
