package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modeldao.app.identity.internal.NonceStore;
import org.modeldao.app.support.CountingRpcProxy;
import org.modeldao.app.support.DevChainFixture;
import org.modeldao.app.support.MutableClock;
import org.modeldao.contracts.Transactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import tools.jackson.databind.ObjectMapper;

/**
 * What an unauthenticated client can make the app do before it signed anything, over real HTTP
 * against the running app, its database, and a real Hardhat node behind a proxy that counts every
 * JSON-RPC request. Limits are small here: 10 nonces per client per minute, 2 s nonces.
 */
abstract class SignInCostContract {

    static final String LIMITS = "modeldao.identity.limits.nonces-per-client=10";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CountingRpcProxy rpc;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    NonceStore nonces;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    static void chainBehindCountingProxy(DynamicPropertyRegistry registry) {
        registry.add("modeldao.chain.deployment-file", () -> DevChainFixture.shared().descriptorFile().toString());
        registry.add("modeldao.chain.rpc-url", () -> rpc().url());
    }

    private static synchronized CountingRpcProxy rpc() {
        if (rpc == null) {
            rpc = CountingRpcProxy.to(DevChainFixture.shared().chain().rpcUrl());
        }
        return rpc;
    }

    @AfterAll
    static void closeProxy() {
        if (rpc != null) {
            rpc.close();
            rpc = null;
        }
    }

    @BeforeEach
    void forgetEarlierCalls() {
        rpc().reset();
    }

    @Test
    void a_verify_with_an_unknown_or_used_nonce_makes_no_rpc_call() throws Exception {
        Credentials holder = DevChainFixture.shared().proposer();
        Credentials stranger = DevChainFixture.shared().outsider();
        // signed by someone else: were the nonce accepted, the app would ask the chain whether the address is a contract wallet
        String unknown = message(DevChainFixture.checksummed(holder), "NeverIssued123456");

        HttpResponse<String> refused = verify(unknown, PersonalSignature.sign(unknown, stranger.getEcKeyPair()));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("nonce_unknown");
        assertThat(rpc().requests()).isEmpty();

        String usable = message(DevChainFixture.checksummed(holder), issuedNonce());
        HttpResponse<String> wrongSigner = verify(usable, PersonalSignature.sign(usable, stranger.getEcKeyPair()));
        assertThat(wrongSigner.body()).contains("invalid_signature");
        assertThat(rpc().requests()).as("the same attempt with an issued nonce does reach the chain").isNotEmpty();
    }

    @Test
    void a_contract_wallet_check_is_capped_in_gas() throws Exception {
        String looping = deployContractThatLoopsForever();
        String message = message(looping, issuedNonce());

        HttpResponse<String> refused = verify(message, PersonalSignature.sign(message, DevChainFixture.shared().outsider().getEcKeyPair()));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_signature");
        assertThat(rpc().requests()).filteredOn(body -> body.contains("\"eth_call\""))
                .singleElement().asString().contains("\"gas\":\"0x30d40\"");
    }

    @Test
    void a_nonce_flood_from_one_client_gets_429_even_with_spoofed_x_forwarded_for_and_the_table_stays_bounded() throws Exception {
        long before = nonces.count();
        long started = System.nanoTime();
        int issued = 0;
        int throttled = 0;
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/siwe/nonce"))
                    .header("X-Forwarded-For", "203.0.113." + (i % 250)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                issued++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
                assertThat(response.body()).contains("too_many_requests");
                throttled++;
            }
        }

        // 10 at once, then one more every 6 s (greedy refill of 10 per minute) on a slow machine
        long allowed = 10 + Duration.ofNanos(System.nanoTime() - started).toSeconds() / 6 + 1;
        assertThat(issued).isLessThanOrEqualTo((int) allowed);
        assertThat(throttled).isGreaterThanOrEqualTo(200 - (int) allowed);
        assertThat(nonces.count() - before).isLessThanOrEqualTo(allowed);
    }

    @Test
    void no_nonce_is_stored_beyond_the_outstanding_cap() {
        long stored = nonces.count();

        assertThat(nonces.issue(Duration.ofMinutes(10), (int) stored + 2)).isPresent();
        assertThat(nonces.issue(Duration.ofMinutes(10), (int) stored + 2)).isPresent();
        assertThat(nonces.issue(Duration.ofMinutes(10), (int) stored + 2)).isEmpty();
        assertThat(nonces.count()).isEqualTo(stored + 2);
    }

    @Test
    void expired_nonces_are_gone_after_the_scheduled_purge() throws Exception {
        NonceStore.IssuedNonce nonce = nonces.issue(Duration.ofSeconds(2), Integer.MAX_VALUE).orElseThrow();
        assertThat(countOf(nonce.nonce())).isEqualTo(1);

        clock.advance(Duration.ofSeconds(3));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (countOf(nonce.nonce()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(countOf(nonce.nonce())).as("purged by the scheduler (purge-interval 1s)").isZero();
        assertThat(jdbc.sql("select count(*) from siwe_nonce where expires_at <= ?").param(clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single()).isZero();
    }

    private long countOf(String nonce) {
        return jdbc.sql("select count(*) from siwe_nonce where nonce = ?").param(nonce).query(Long.class).single();
    }

    private String issuedNonce() {
        return nonces.issue(Duration.ofMinutes(10), Integer.MAX_VALUE).orElseThrow().nonce();
    }

    private String message(String address, String nonce) {
        return new SiweMessage(null, "localhost:" + port, address, "Sign in to the Model DAO.", "http://localhost:" + port + "/", "1",
                31337, nonce, clock.instant().truncatedTo(ChronoUnit.SECONDS), null, null, null, List.of()).toMessage();
    }

    private HttpResponse<String> verify(String message, String signature) throws Exception {
        String body = JSON.writeValueAsString(Map.of("message", message, "signature", signature));
        return http.send(HttpRequest.newBuilder(url("/api/siwe/verify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Runtime code {@code JUMPDEST PUSH1 0 JUMP}: burns whatever gas the call is given. */
    private static String deployContractThatLoopsForever() throws Exception {
        DevChainFixture fixture = DevChainFixture.shared();
        Web3j web3j = fixture.chain().web3j();
        Credentials deployer = fixture.chain().accounts().get(12);
        String initCode = "0x635b6000566000526004601cf3";
        String hash = Transactions.signer(web3j, deployer, fixture.chain().chainId(), Duration.ofMillis(50))
                .sendTransaction(web3j.ethGasPrice().send().getGasPrice(), BigInteger.valueOf(200_000), "", initCode, BigInteger.ZERO)
                .getTransactionHash();
        String address = web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow().getContractAddress();
        assertThat(web3j.ethGetCode(address, org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getCode()).isEqualTo("0x5b600056");
        return Keys.toChecksumAddress(address);
    }
}
