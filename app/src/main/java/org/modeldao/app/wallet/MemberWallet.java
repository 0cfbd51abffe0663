package org.modeldao.app.wallet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The signed-in member's wallet, as views use it: the browser wallet (EIP-1193 through
 * wallet-connector.js) or, in the dev profile for the dev chain's accounts, the dev node.
 * Futures complete on the UI thread for browser wallets; callers use {@code ui.access} anyway.
 */
public final class MemberWallet {

    private final BrowserWallet browser;
    private final Optional<DevWallet> devNode;
    private final String address;
    private final String clientAddress;

    public MemberWallet(UI ui, Optional<DevWallet> devNode, String address) {
        this.browser = new BrowserWallet(ui);
        this.devNode = devNode.filter(node -> node.controls(address));
        this.address = address;
        this.clientAddress = clientAddress(ui);
    }

    public String address() {
        return address;
    }

    /** The browser's IP address (the real client's: proxies are resolved by the servlet container), for relay quotas. */
    public String clientAddress() {
        return clientAddress;
    }

    private static String clientAddress(UI ui) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = ui == null ? null : ui.getSession();
        if (session != null && session.getBrowser() != null && session.getBrowser().getAddress() != null) {
            return session.getBrowser().getAddress();
        }
        return "unknown";
    }

    /** @return the transaction hash */
    public CompletableFuture<String> send(WalletTransaction transaction) {
        if (devNode.isPresent()) {
            return CompletableFuture.supplyAsync(() -> devNode.get().send(transaction));
        }
        return walletUuid().thenCompose(uuid -> browser.sendTransaction(uuid, transaction.toJson()));
    }

    /** @return the 0x-hex signature over the typed data */
    public CompletableFuture<String> signTypedData(String typedDataJson) {
        if (devNode.isPresent()) {
            return CompletableFuture.supplyAsync(() -> devNode.get().signTypedData(address, typedDataJson));
        }
        return walletUuid().thenCompose(uuid -> browser.signTypedData(uuid, address, typedDataJson));
    }

    /** The first announced wallet, if it is on the signed-in account. */
    private CompletableFuture<String> walletUuid() {
        return browser.discover().thenCompose(wallets -> {
            if (wallets.isEmpty()) {
                return CompletableFuture.failedFuture(new WalletRefused("No browser wallet found."));
            }
            String uuid = wallets.getFirst().uuid();
            return browser.connect(uuid).thenApply(connected -> {
                if (!connected.equalsIgnoreCase(address)) {
                    throw new WalletRefused("Your wallet is on account " + connected + ", but you signed in as " + address
                            + ". Switch accounts in the wallet.");
                }
                return uuid;
            });
        });
    }
}
