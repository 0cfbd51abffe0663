// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// Test-only ERC-1271 contract wallet (never deployed by the app): a signature is valid when the
/// wallet's owner key signed the hash. Lets the sign-in tests prove the contract-wallet path
/// against real EVM code on the dev chain.
contract Erc1271TestWallet {
    bytes4 private constant MAGIC_VALUE = 0x1626ba7e;
    address public immutable owner;

    constructor(address owner_) {
        owner = owner_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return 0xffffffff;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (v < 27) v += 27;
        address signer = ecrecover(hash, v, r, s);
        return signer != address(0) && signer == owner ? MAGIC_VALUE : bytes4(0xffffffff);
    }
}
