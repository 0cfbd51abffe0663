// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

interface ZeroTransfers {
    function transfer(address to, uint256 value) external returns (bool);
}

/// Test-only (never deployed by the app): makes the DAO's token emit many Transfer logs cheaply,
/// as a spammer can — zero-amount transfers to itself, which ERC-20 allows without any balance —
/// so the indexer tests can put more logs into a block range than a hosted node returns per call.
contract LogSpammer {
    function spam(address token, uint256 count) external {
        for (uint256 i = 0; i < count; i++) {
            ZeroTransfers(token).transfer(address(this), 0);
        }
    }
}
