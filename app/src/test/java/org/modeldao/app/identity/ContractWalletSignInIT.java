package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.modeldao.contracts.Transactions;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * EIP-1271 sign-in against real EVM code: a tiny contract wallet (src/test/solidity, compiled at
 * build time) is deployed on the dev chain; its owner's key signs the SIWE message for the
 * wallet's address, and the app asks the contract ({@code isValidSignature}) because no key
 * belongs to that address. A signature the contract refuses is refused and the nonce stays usable.
 */
class ContractWalletSignInIT extends AppOnDevChain {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Credentials owner;
    private static Credentials stranger;
    private static String wallet;

    @BeforeAll
    static void deployTheWallet() throws Exception {
        DevChainFixture fixture = DevChainFixture.shared();
        Web3j web3j = fixture.chain().web3j();
        Credentials deployer = fixture.chain().accounts().get(7);
        owner = fixture.chain().accounts().get(8);
        stranger = fixture.chain().accounts().get(9);
        String bin = Files.readString(Path.of(System.getProperty("modeldao.test-contracts.dir", "target/test-contracts"),
                "Erc1271TestWallet.bin")).strip();
        String constructor = FunctionEncoder.encodeConstructor(List.of(new Address(owner.getAddress())));
        String hash = Transactions.signer(web3j, deployer, fixture.chain().chainId(), Duration.ofMillis(50))
                .sendTransaction(web3j.ethGasPrice().send().getGasPrice(), BigInteger.valueOf(1_000_000), "", "0x" + bin + constructor,
                        BigInteger.ZERO).getTransactionHash();
        TransactionReceipt receipt = web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
        assertThat(receipt.isStatusOK()).isTrue();
        wallet = Keys.toChecksumAddress(receipt.getContractAddress());
    }

    @Test
    void the_owner_of_a_contract_wallet_signs_in_as_the_wallet() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String message = message(nonce(browser));

        HttpResponse<String> verified = verify(browser, message, PersonalSignature.sign(message, owner.getEcKeyPair()));

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).get("address").asString()).isEqualTo(wallet);
        assertThat(send(browser, HttpRequest.newBuilder(url("/api/siwe/me")).GET()).body()).contains(wallet);
    }

    @Test
    void a_signature_the_contract_refuses_is_refused_and_the_nonce_stays_usable() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String message = message(nonce(browser));

        HttpResponse<String> refused = verify(browser, message, PersonalSignature.sign(message, stranger.getEcKeyPair()));
        HttpResponse<String> notEvenASignature = verify(browser, message, "0x" + "00".repeat(70));

        for (HttpResponse<String> response : List.of(refused, notEvenASignature)) {
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("error").asString()).isEqualTo("invalid_signature");
            assertThat(error.get("message").asString()).contains("contract wallet", "ERC-1271");
        }
        assertThat(verify(browser, message, PersonalSignature.sign(message, owner.getEcKeyPair())).statusCode()).isEqualTo(200);
    }

    private String nonce(HttpClient browser) throws Exception {
        return JSON.readTree(send(browser, HttpRequest.newBuilder(url("/api/siwe/nonce")).GET()).body()).get("nonce").asString();
    }

    private String message(String nonce) {
        return new SiweMessage(null, "localhost:" + port, wallet, "Sign in to the Model DAO.", baseUrl() + "/", "1", 31337, nonce,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null, null, List.of()).toMessage();
    }

    private HttpResponse<String> verify(HttpClient browser, String message, String signature) throws Exception {
        String body = JSON.writeValueAsString(Map.of("message", message, "signature", signature));
        return send(browser, HttpRequest.newBuilder(url("/api/siwe/verify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create(baseUrl() + path);
    }
}
