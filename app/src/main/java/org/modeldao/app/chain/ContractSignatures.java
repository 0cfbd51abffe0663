package org.modeldao.app.chain;

/**
 * ERC-1271: a contract account (a multisig, a smart-contract wallet) has no key of its own and
 * vouches for signatures itself through {@code isValidSignature(bytes32,bytes)}.
 */
public interface ContractSignatures {

    /** No chain to ask: every account is taken for a plain key-pair account. */
    ContractSignatures NONE = new ContractSignatures() {
        @Override
        public boolean isContract(String address) {
            return false;
        }

        @Override
        public boolean isValidSignature(String address, byte[] hash, byte[] signature) {
            return false;
        }
    };

    /**
     * @return whether the account has code at the latest block
     * @throws ChainUnavailable if the node cannot be asked
     */
    boolean isContract(String address);

    /**
     * @return true only if the contract answered the ERC-1271 magic value {@code 0x1626ba7e};
     *         a revert or any other answer is false
     * @throws ChainUnavailable if the node cannot be asked
     */
    boolean isValidSignature(String address, byte[] hash, byte[] signature);
}
