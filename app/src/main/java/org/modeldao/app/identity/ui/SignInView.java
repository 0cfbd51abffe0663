package org.modeldao.app.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.modeldao.app.wallet.BrowserWallet;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.wallet.BrowserWallet.WalletInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.modeldao.app.identity.SignInOrigins;
import org.modeldao.app.identity.SignInService;
import org.modeldao.app.identity.SiteOrigin;
import org.modeldao.app.wallet.DevWallet;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sign-In with Ethereum: pick a wallet (EIP-6963 discovery), sign the message, and the browser
 * posts it to /api/siwe/verify, which starts the session. In the dev profile, the dev chain's
 * unlocked accounts can sign instead.
 */
@Route("sign-in")
@PageTitle("Sign in · Model DAO")
@AnonymousAllowed
public class SignInView extends Div {

    private final SignInService signIn;
    private final BrowserWallet wallet;
    private final SiteOrigin origin;
    private final String client;
    private final Div wallets = new Div();
    /** Where to go once signed in: the page that sent the member here, if it is a safe same-origin path. */
    private final String returnTo;

    public SignInView(SignInService signIn, SignInOrigins origins, ObjectProvider<DevWallet> devWallet) {
        this.signIn = signIn;
        this.wallet = new BrowserWallet(UI.getCurrent());
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        this.origin = origins.of(request);
        this.client = request.getRemoteAddr();
        this.returnTo = SignInReturn.of(request);
        addClassNames("page", "sign-in-page");
        wallets.setId("wallets");
        add(new H1("Sign in"), new Paragraph("Sign a message with your Ethereum wallet to prove you own your account. "
                + "Signing costs nothing and sends no transaction."), wallets);
        wallets.add(new Paragraph("Looking for wallets…"));
        wallet.discover().whenComplete((found, error) -> showWallets(found));
        devWallet.ifAvailable(this::addDevWallet);
    }

    private void showWallets(List<WalletInfo> found) {
        wallets.removeAll();
        if (found == null || found.isEmpty()) {
            Paragraph none = new Paragraph("No browser wallet found. Install one (e.g. MetaMask, Rabby) and reload.");
            none.addClassName("muted");
            wallets.add(none);
            return;
        }
        found.forEach(info -> {
            Button button = new Button(info.name(), click -> signInWith(info));
            button.addClassName("wallet-button");
            button.setWidthFull();
            if (info.icon() != null && info.icon().startsWith("data:image/")) {
                button.setIcon(new Image(info.icon(), ""));
            }
            wallets.add(button);
        });
    }

    private void signInWith(WalletInfo info) {
        wallet.connect(info.uuid())
                .thenCompose(address -> {
                    String message = signIn.newMessage(address, origin, client).toMessage();
                    return wallet.personalSign(info.uuid(), address, message).thenCompose(signature -> wallet.submitSignIn(message, signature, info.uuid()));
                })
                .whenComplete(this::finish);
    }

    private void addDevWallet(DevWallet devWallet) {
        ComboBox<String> account = new ComboBox<>("Dev chain account");
        account.setId("dev-account");
        account.setWidthFull();
        try {
            List<String> addresses = devWallet.accounts();
            Map<String, String> labels = DevAccountLabel.forAccounts(addresses, signIn::standingOf);
            account.setItems(addresses);
            account.setItemLabelGenerator(address -> labels.getOrDefault(address, address));
        } catch (ChainUnavailable e) {
            account.setHelperText("The dev chain node is not reachable: start it, then reload.");
        }
        Button signInAsDev = new Button("Sign in with dev account", click -> account.getOptionalValue().ifPresentOrElse(address -> {
            String message = signIn.newMessage(address, origin, client).toMessage();
            String signature = devWallet.personalSign(address, message);
            wallet.submitSignIn(message, signature, null).whenComplete(this::finish);
        }, () -> account.setInvalid(true)));
        signInAsDev.setId("dev-sign-in");
        signInAsDev.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signInAsDev.setWidthFull();
        Paragraph hint = new Paragraph("Development only: the local dev chain signs for its unlocked accounts.");
        hint.addClassName("muted");
        add(new H2("Dev wallet"), hint, account, signInAsDev);
    }

    private void finish(BrowserWallet.SignInOutcome outcome, Throwable error) {
        if (error != null) {
            fail("The wallet did not sign: " + rootMessage(error));
        } else if (!outcome.ok()) {
            fail("Sign-in refused: " + outcome.message());
        } else {
            // a full page load, so the new session (and its new id) carries the signed-in account
            getUI().ifPresent(ui -> ui.getPage().setLocation(returnTo));
        }
    }

    private static void fail(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root != root.getCause()) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
