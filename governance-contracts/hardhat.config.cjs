// Hardhat is used here only as a local dev chain node (`hardhat node`); contracts are
// compiled by scripts/compile.mjs with solcjs, never by `hardhat compile` (it downloads solc).
module.exports = {
  networks: {
    hardhat: {
      // 31337 unless DevChain starts a node posing as another chain (tests of off-dev-chain refusals)
      chainId: Number(process.env.MODELDAO_DEVCHAIN_CHAIN_ID || 31337),
      hardfork: "cancun",
      // Twenty funded, unlocked dev accounts from the well-known test mnemonic: never use them on a real network.
      accounts: { count: 20 },
      mining: { auto: true },
    },
  },
};
