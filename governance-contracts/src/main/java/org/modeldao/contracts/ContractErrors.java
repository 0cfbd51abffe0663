package org.modeldao.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns revert data from the DAO's contracts into readable errors such as
 * {@code VersionAlreadyRegistered("iris", "1")}: every custom error declared by the four
 * contracts (and OpenZeppelin's bases), plus Solidity's {@code Error(string)} and
 * {@code Panic(uint256)}.
 */
public final class ContractErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CustomError ERROR_STRING = new CustomError("Error", List.of(new TypeReference<Utf8String>() {}));
    private static final CustomError PANIC = new CustomError("Panic", List.of(new TypeReference<Uint256>() {}));
    private static final Map<String, CustomError> BY_SELECTOR = index(GovernanceToken.class, ModelDaoGovernor.class,
            ModelDaoTimelock.class, ModelRegistry.class);

    private ContractErrors() {
    }

    /** A decoded revert: the error's name and its arguments as text. */
    public record Revert(String name, List<String> arguments) {
        @Override
        public String toString() {
            return name + arguments.stream().collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /**
     * Simulates a call with {@code eth_call} and returns its decoded revert, if it reverts. It
     * runs in the pending block — the earliest block a transaction sent now can land in — not
     * the latest: the Governor's clock is the block number, so a vote simulated at the latest
     * block of its snapshot would be refused as pending although it will be mined in the
     * first block of the voting period.
     */
    public static Optional<Revert> simulate(Web3j web3j, String from, String to, String calldata) {
        try {
            EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(from, to, calldata),
                    DefaultBlockParameterName.PENDING).send();
            if (result.hasError()) {
                return Optional.of(decode(revertData(result.getError())));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("eth_call failed", e);
        }
    }

    /** Decodes ABI revert data (0x-prefixed hex); unknown selectors come back as {@code Unknown(0x…)}. */
    public static Revert decode(String revertData) {
        if (revertData == null || revertData.length() < 10) {
            return new Revert("Reverted", List.of());
        }
        String selector = revertData.substring(0, 10).toLowerCase();
        CustomError error = BY_SELECTOR.get(selector);
        if (error == null) {
            return new Revert("Unknown", List.of(revertData));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Type> values = FunctionReturnDecoder.decode("0x" + revertData.substring(10), (List) error.getParameters());
        return new Revert(error.getName(), values.stream().map(ContractErrors::text).toList());
    }

    /** Nodes put revert data in {@code error.data}, as hex or as an object holding it. */
    static String revertData(Response.Error error) {
        String data = error.getData();
        if (data == null) {
            return null;
        }
        String trimmed = data.strip();
        if (trimmed.startsWith("\"")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        if (trimmed.startsWith("0x")) {
            return trimmed;
        }
        JsonNode node = JSON.readTree(trimmed);
        JsonNode nested = node.get("data");
        return nested != null && nested.isString() ? nested.asString() : null;
    }

    private static String text(Type<?> value) {
        Object raw = value.getValue();
        if (raw instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        return String.valueOf(raw);
    }

    private static Map<String, CustomError> index(Class<?>... wrappers) {
        Map<String, CustomError> bySelector = new HashMap<>();
        for (CustomError error : List.of(ERROR_STRING, PANIC)) {
            bySelector.put(selector(error), error);
        }
        for (Class<?> wrapper : wrappers) {
            for (Field field : wrapper.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == CustomError.class) {
                    CustomError error = read(field);
                    bySelector.put(selector(error), error);
                }
            }
        }
        return Map.copyOf(bySelector);
    }

    private static String selector(CustomError error) {
        return CustomErrorEncoder.encode(error).substring(0, 10).toLowerCase();
    }

    private static CustomError read(Field field) {
        try {
            return (CustomError) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
