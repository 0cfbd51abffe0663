package org.modeldao.app.wallet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.Page;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Server-side handle on the browser's wallets, through frontend/js/wallet-connector.js. Every call
 * returns a future completed (on the UI thread, with the session locked) when the wallet answers;
 * it fails if the person refuses in the wallet.
 */
public final class BrowserWallet {

    public static final String MODULE = "context://js/wallet-connector.js";

    // executeJs runs before the module is guaranteed to have evaluated only in odd reload races;
    // importing the same URL again yields the same module instance, so this is safe either way.
    private static final String API = "(window.modelDaoWallet ? Promise.resolve(window.modelDaoWallet)"
            + " : import(new URL('js/wallet-connector.js', document.baseURI).href).then(() => window.modelDaoWallet))";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Page page;

    public BrowserWallet(UI ui) {
        this.page = ui.getPage();
        page.addJsModule(MODULE);
    }

    /** A wallet announced by EIP-6963 (or the legacy window.ethereum). */
    public record WalletInfo(String uuid, String name, String icon, String rdns) {
    }

    /** Outcome of posting a signed SIWE message to /api/siwe/verify from the browser. */
    public record SignInOutcome(boolean ok, String error, String message) {
    }

    public CompletableFuture<List<WalletInfo>> discover() {
        return call("w => w.discoverWallets().then(ws => JSON.stringify(ws))")
                .thenApply(json -> JSON.readTree(json).valueStream()
                        .map(w -> new WalletInfo(text(w, "uuid"), text(w, "name"), text(w, "icon"), text(w, "rdns")))
                        .toList());
    }

    public CompletableFuture<String> connect(String walletUuid) {
        return call("w => w.connect($0)", walletUuid);
    }

    public CompletableFuture<String> personalSign(String walletUuid, String address, String message) {
        return call("w => w.personalSign($0, $1, $2)", walletUuid, address, message);
    }

    /** EIP-712 signature; {@code typedDataJson} is the {types, primaryType, domain, message} JSON. */
    public CompletableFuture<String> signTypedData(String walletUuid, String address, String typedDataJson) {
        return call("w => w.signTypedData($0, $1, $2)", walletUuid, address, typedDataJson);
    }

    /** Sends {@code {from, to, data, value?}} (JSON); completes with the transaction hash. */
    public CompletableFuture<String> sendTransaction(String walletUuid, String transactionJson) {
        return call("w => w.sendTransaction($0, JSON.parse($1))", walletUuid, transactionJson);
    }

    /** Posts a signed SIWE message; {@code walletUuid} is the browser wallet that signed it, or null. */
    public CompletableFuture<SignInOutcome> submitSignIn(String message, String signature, String walletUuid) {
        return page.executeJs("return " + API + ".then(w => w.submitSignIn($0, $1, $2).then(r => JSON.stringify(r)))",
                        message, signature, walletUuid)
                .toCompletableFuture(String.class)
                .thenApply(json -> {
                    JsonNode outcome = JSON.readTree(json);
                    return new SignInOutcome(outcome.path("ok").asBoolean(), text(outcome, "error"), text(outcome, "message"));
                });
    }

    /**
     * Follows the browser wallet the session signed in with: the wallet switching to another account
     * calls {@code walletAccountChanged(String)}, switching chains calls {@code walletChainChanged(int)}
     * — both {@code @ClientCallable} methods of {@code listener}.
     */
    public void watchSignedInWallet(Component listener, String address) {
        page.executeJs("return " + API + ".then(w => w.watchSignedInWallet($0,"
                + " account => $1.$server.walletAccountChanged(account),"
                + " chainId => $1.$server.walletChainChanged(chainId)))", address, listener.getElement());
    }

    private CompletableFuture<String> call(String function, String... arguments) {
        return page.executeJs("return " + API + ".then(" + function + ")", (Object[]) arguments).toCompletableFuture(String.class);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
