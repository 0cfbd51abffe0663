// Hardhat is used here only as a local dev chain node (`hardhat node`); contracts are
// compiled by scripts/compile.mjs with solcjs, never by `hardhat compile` (it downloads solc).
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: "cancun",
      // Twenty funded, unlocked dev accounts from the well-known test mnemonic: never use them on a real network.
      accounts: { count: 20 },
      mining: { auto: true },
    },
  },
};
