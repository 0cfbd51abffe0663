// Hardhat as the compose dev chain node: governance-contracts' settings (chain id 31337, cancun,
// twenty funded dev accounts from the well-known test mnemonic, automine) plus a block every
// CHAIN_BLOCK_INTERVAL_MS (default 2000; 0 = only on transactions), so voting delays and
// periods counted in blocks pass in real time while members vote in the browser.
const interval = Number.parseInt(process.env.CHAIN_BLOCK_INTERVAL_MS ?? "2000", 10);

module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: "cancun",
      // never use these accounts on a real network: their keys are public
      accounts: { count: 20 },
      mining: { auto: true, interval: Number.isNaN(interval) ? 2000 : interval },
    },
  },
};
