package org.modeldao.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;

/** Decoding what a hostile chain or node may hand out: it becomes data or an UnrecognisedLog, never an exception. */
class EventCatalogueTest {

    private static final String GOVERNOR = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";
    private static final String REGISTRY_KEY = ChainHex.of(Hash.sha3("m".getBytes(StandardCharsets.UTF_8)));
    private static final EventCatalogue catalogue = new EventCatalogue(GOVERNOR);

    @Test
    void a_description_that_is_not_utf8_keeps_its_raw_bytes_and_their_hash() {
        byte[] description = {'#', ' ', (byte) 0xff, (byte) 0xfe, 'A'};
        String data = encode(new Uint256(7), new Address(GOVERNOR), array(Address.class, new Address(GOVERNOR)),
                array(Uint256.class, new Uint256(0)), array(DynamicBytes.class, new DynamicBytes(new byte[0])),
                array(DynamicBytes.class, new DynamicBytes(new byte[] {1, 2, 3, 4})), new Uint256(10), new Uint256(20),
                new DynamicBytes(description));

        GovernanceEvent event = decode(DaoContract.GOVERNOR, List.of(EventEncoder.encode(ModelDaoGovernor.PROPOSALCREATED_EVENT)), data);

        assertThat(event).isInstanceOfSatisfying(GovernorEvent.ProposalCreated.class, created -> {
            assertThat(created.description()).isEqualTo("# \uFFFD\uFFFDA");
            assertThat(created.descriptionBytes()).isEqualTo(description);
            assertThat(created.descriptionIsValidUtf8()).isFalse();
            assertThat(created.descriptionHash()).isEqualTo(ChainHex.of(Hash.sha3(description)));
            assertThat(created.calls()).singleElement().satisfies(c -> assertThat(c.calldata()).isEqualTo("0x01020304"));
            assertThat(created.signatures()).containsExactly("");
        });
    }

    @Test
    void an_array_claiming_two_billion_elements_is_refused_before_anything_is_allocated() {
        String data = "0x" + word(0x20) + word(0x7fffffffL);

        GovernanceEvent event = decode(DaoContract.REGISTRY, List.of(EventEncoder.encode(ModelRegistry.MODELVERSIONAPPROVED_EVENT),
                REGISTRY_KEY), data);

        assertThat(event).isInstanceOfSatisfying(UnrecognisedLog.class, u ->
                assertThat(u.reason()).startsWith("ModelVersionApproved does not decode").contains("does not fit"));
    }

    @Test
    void array_elements_all_pointing_at_one_long_string_are_refused_instead_of_decoded_once_each() {
        int elements = 1_000;
        StringBuilder data = new StringBuilder("0x");
        // EthicalConstraintAdded data: model, kind, target, min, max, values (string[]), rationale
        long valuesAt = 7 * 32L;
        long emptyAt = valuesAt + 32 + elements * 32L + 32 + 4096;
        data.append(word(emptyAt)).append(word(1)).append(word(emptyAt)).append(word(0)).append(word(0)).append(word(valuesAt))
                .append(word(emptyAt));
        data.append(word(elements));
        for (int i = 0; i < elements; i++) {
            data.append(word(elements * 32L)); // every element: the same 4 KB string right after the heads
        }
        data.append(word(4096)).append("61".repeat(4096));
        data.append(word(0));

        GovernanceEvent event = decode(DaoContract.REGISTRY, List.of(EventEncoder.encode(ModelRegistry.ETHICALCONSTRAINTADDED_EVENT),
                REGISTRY_KEY, word32(1)), data.toString());

        assertThat(event).isInstanceOfSatisfying(UnrecognisedLog.class, u -> assertThat(u.reason()).contains("claims more content"));
    }

    @Test
    void a_policy_kind_the_registry_does_not_have_is_unrecognised() {
        String data = encode(new Utf8String("m"), new Uint8(9), new Uint256(0), new Uint32(1), new Uint32(1),
                new DynamicArray<>(Address.class, List.of()));

        GovernanceEvent event = decode(DaoContract.REGISTRY, List.of(EventEncoder.encode(ModelRegistry.ACCESSPOLICYSET_EVENT),
                REGISTRY_KEY), data);

        assertThat(event).isInstanceOfSatisfying(UnrecognisedLog.class, u -> assertThat(u.reason()).contains("9 is not one of the 3"));
    }

    @Test
    void a_policy_that_decodes_is_typed_with_the_registry_kinds() {
        String data = encode(new Utf8String("m"), new Uint8(2), new Uint256(5), new Uint32(60), new Uint32(4294967295L),
                new DynamicArray<>(Address.class, List.of(new Address("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))));

        GovernanceEvent event = decode(DaoContract.REGISTRY, List.of(EventEncoder.encode(ModelRegistry.ACCESSPOLICYSET_EVENT),
                REGISTRY_KEY), data);

        assertThat(event).isInstanceOfSatisfying(RegistryEvent.AccessPolicySet.class, p -> {
            assertThat(p.kind()).isEqualTo(org.modeldao.contracts.RegistryKinds.PolicyKind.ALLOW_LIST);
            assertThat(p.maxBatchSize()).isEqualTo(4294967295L);
            assertThat(p.allowList()).containsExactly("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
            assertThat(p.modelKey()).isEqualTo(REGISTRY_KEY);
            assertThat(p.execution()).isEmpty();
        });
    }

    @Test
    void missing_topics_odd_data_and_unknown_signatures_are_unrecognised() {
        String approved = EventEncoder.encode(ModelRegistry.MODELVERSIONAPPROVED_EVENT);

        assertThat(decode(DaoContract.REGISTRY, List.of(approved), "0x")).isInstanceOfSatisfying(UnrecognisedLog.class,
                u -> assertThat(u.reason()).contains("1 topics where the event has 2"));
        assertThat(decode(DaoContract.REGISTRY, List.of(approved, REGISTRY_KEY), "0x1234")).isInstanceOf(UnrecognisedLog.class);
        assertThat(decode(DaoContract.REGISTRY, List.of(approved, REGISTRY_KEY), "0xnothex")).isInstanceOf(UnrecognisedLog.class);
        assertThat(decode(DaoContract.TOKEN, List.of(approved, REGISTRY_KEY), "0x")).isInstanceOfSatisfying(UnrecognisedLog.class,
                u -> assertThat(u.reason()).contains("no TOKEN event has the signature"));
        assertThat(decode(DaoContract.TOKEN, List.of(), "0x")).isInstanceOfSatisfying(UnrecognisedLog.class,
                u -> assertThat(u.eventName()).isEqualTo("Unrecognised"));
    }

    @Test
    void text_with_invalid_utf8_is_decoded_with_replacement_characters() {
        String data = encode(new DynamicBytes("m".getBytes(StandardCharsets.UTF_8)), new DynamicBytes(new byte[] {'1', (byte) 0xc3}),
                new DynamicBytes("why\u0000".getBytes(StandardCharsets.UTF_8)));

        GovernanceEvent event = decode(DaoContract.REGISTRY, List.of(EventEncoder.encode(ModelRegistry.MODELVERSIONREVOKED_EVENT),
                REGISTRY_KEY), data);

        assertThat(event).isInstanceOfSatisfying(RegistryEvent.ModelVersionRevoked.class, r -> {
            assertThat(r.version()).isEqualTo("1\uFFFD");
            assertThat(r.reason()).isEqualTo("why\u0000");
        });
    }

    private static GovernanceEvent decode(DaoContract contract, List<String> topics, String data) {
        EventPosition position = new EventPosition(5, ChainHex.of(new byte[32]), ChainHex.of(new byte[32]), 0, Instant.EPOCH, contract);
        return catalogue.decode(position, topics, data, Optional.empty());
    }

    @SafeVarargs
    private static <T extends Type> DynamicArray<T> array(Class<T> type, T... values) {
        return new DynamicArray<>(type, List.of(values));
    }

    @SuppressWarnings("rawtypes")
    private static String encode(Type... values) {
        return "0x" + FunctionEncoder.encodeConstructor(List.of(values));
    }

    private static String word(long value) {
        String hex = BigInteger.valueOf(value).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static String word32(long value) {
        return "0x" + word(value);
    }
}
