package org.modeldao.contracts.devchain;

import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The dev chain's funded accounts, derived from Hardhat's well-known test mnemonic along
 * m/44'/60'/0'/0/i. Public knowledge: anything sent to them on a real network is lost.
 */
public final class DevAccounts {

    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    public static final int COUNT = 20;

    private static final List<Credentials> ACCOUNTS = IntStream.range(0, COUNT).mapToObj(DevAccounts::derive).toList();

    private DevAccounts() {
    }

    public static List<Credentials> all() {
        return ACCOUNTS;
    }

    public static Credentials get(int index) {
        return ACCOUNTS.get(index);
    }

    private static Credentials derive(int index) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, index};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }
}
