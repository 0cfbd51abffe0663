// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title Voting token of the model DAO.
/// @notice The whole supply is minted once, at deployment, to the initial holders; there is
/// no minter afterwards, so voting power only moves by transfer or delegation.
/// Voting power counts only once delegated (to oneself or another holder).
contract GovernanceToken is ERC20, ERC20Permit, ERC20Votes {
    error DistributionLengthMismatch(uint256 holders, uint256 amounts);
    error EmptyDistribution();

    constructor(string memory name_, string memory symbol_, address[] memory holders, uint256[] memory amounts)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
    {
        if (holders.length != amounts.length) revert DistributionLengthMismatch(holders.length, amounts.length);
        if (holders.length == 0) revert EmptyDistribution();
        for (uint256 i = 0; i < holders.length; i++) {
            _mint(holders[i], amounts[i]);
        }
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
