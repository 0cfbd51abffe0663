// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title Timelock that executes the DAO's decisions.
/// @notice OpenZeppelin's TimelockController under the project's name, so its ABI and
/// bytecode come out of the same compilation as the other contracts.
contract ModelDaoTimelock is TimelockController {
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
