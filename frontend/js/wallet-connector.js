// Model DAO wallet connector: a plain ES module (no bundler) served by the app at /js/wallet-connector.js.
//
// Wallets are discovered with EIP-6963 (each installed wallet announces its own EIP-1193 provider),
// falling back to the legacy injected window.ethereum. Providers are addressed by the uuid of their
// announcement, so the server-side view can say which wallet the person picked.
//
// The Vaadin view loads this module with Page.addJsModule("context://js/wallet-connector.js") and
// calls the functions through window.modelDaoWallet from executeJs (module exports are not global).

const LEGACY_UUID = 'window.ethereum';
const providers = new Map(); // uuid -> { info, provider }
const listeners = new Map(); // uuid -> { accountsChanged, chainChanged } currently attached

window.addEventListener('eip6963:announceProvider', (event) => {
  const { info, provider } = event.detail ?? {};
  if (info?.uuid && provider?.request) {
    providers.set(info.uuid, { info: { uuid: info.uuid, name: info.name, icon: info.icon, rdns: info.rdns }, provider });
  }
});

/** Asks every EIP-6963 wallet to announce itself; resolves with [{uuid, name, icon, rdns}] after `waitMs`. */
export async function discoverWallets(waitMs = 300) {
  window.dispatchEvent(new Event('eip6963:requestProvider'));
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  if (providers.size === 0 && window.ethereum?.request) {
    providers.set(LEGACY_UUID, {
      info: { uuid: LEGACY_UUID, name: 'Browser wallet', icon: null, rdns: null },
      provider: window.ethereum,
    });
  }
  return [...providers.values()].map((entry) => entry.info);
}

function providerOf(uuid) {
  const entry = providers.get(uuid);
  if (!entry) {
    throw new Error(`No wallet with id ${uuid}; discover wallets first.`);
  }
  return entry.provider;
}

/** eth_requestAccounts: asks the person to connect; resolves with the first account address. */
export async function connect(uuid) {
  const accounts = await providerOf(uuid).request({ method: 'eth_requestAccounts' });
  if (!accounts?.length) {
    throw new Error('The wallet returned no account.');
  }
  return accounts[0];
}

/** eth_chainId as a decimal number. */
export async function chainId(uuid) {
  return Number.parseInt(await providerOf(uuid).request({ method: 'eth_chainId' }), 16);
}

/** wallet_switchEthereumChain to a decimal chain id. */
export async function switchChain(uuid, decimalChainId) {
  await providerOf(uuid).request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x' + Number(decimalChainId).toString(16) }] });
}

/** EIP-191 personal_sign of a UTF-8 text (e.g. a SIWE message); resolves with the 0x signature. */
export async function personalSign(uuid, address, message) {
  const hex = '0x' + [...new TextEncoder().encode(message)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return providerOf(uuid).request({ method: 'personal_sign', params: [hex, address] });
}

/** EIP-712 eth_signTypedData_v4; `typedData` is the object {types, primaryType, domain, message}. */
export async function signTypedData(uuid, address, typedData) {
  const json = typeof typedData === 'string' ? typedData : JSON.stringify(typedData);
  return providerOf(uuid).request({ method: 'eth_signTypedData_v4', params: [address, json] });
}

/** eth_sendTransaction; `tx` is {from, to, data, value?, gas?}; resolves with the transaction hash. */
export async function sendTransaction(uuid, tx) {
  return providerOf(uuid).request({ method: 'eth_sendTransaction', params: [tx] });
}

/**
 * Calls `onAccounts(accounts)` / `onChain(decimalChainId)` when the wallet's account or chain changes.
 * Replaces listeners attached earlier for the same wallet.
 */
export function listen(uuid, onAccounts, onChain) {
  const provider = providerOf(uuid);
  const previous = listeners.get(uuid);
  if (previous && provider.removeListener) {
    provider.removeListener('accountsChanged', previous.accountsChanged);
    provider.removeListener('chainChanged', previous.chainChanged);
  }
  const current = {
    accountsChanged: (accounts) => onAccounts?.(accounts ?? []),
    chainChanged: (hexChainId) => onChain?.(Number.parseInt(hexChainId, 16)),
  };
  provider.on?.('accountsChanged', current.accountsChanged);
  provider.on?.('chainChanged', current.chainChanged);
  listeners.set(uuid, current);
}

const SIGNED_IN_WALLET = 'modelDao.signedInWallet';

/**
 * Completes Sign-In with Ethereum: posts the signed message to the app, which starts the session.
 * Resolves with {ok: true, member} or {ok: false, error, message}; never rejects for a refusal.
 * `walletUuid` (optional) is remembered for this tab so watchSignedInWallet can follow that wallet.
 */
export async function submitSignIn(message, signature, walletUuid = null, verifyUrl = 'api/siwe/verify') {
  const response = await fetch(verifyUrl, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ message, signature }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    if (walletUuid) {
      sessionStorage.setItem(SIGNED_IN_WALLET, walletUuid);
    } else {
      sessionStorage.removeItem(SIGNED_IN_WALLET);
    }
  }
  return response.ok ? { ok: true, member: body } : { ok: false, error: body.error ?? `http_${response.status}`, message: body.message ?? response.statusText };
}

/**
 * Follows the wallet this tab signed in with: calls `onOtherAccount(account)` when it switches to an
 * account other than `address` (or disconnects: account null), `onChain(decimalChainId)` when it
 * switches chains. Does nothing for sessions signed in without a browser wallet.
 */
export async function watchSignedInWallet(address, onOtherAccount, onChain) {
  const uuid = sessionStorage.getItem(SIGNED_IN_WALLET);
  if (!uuid) {
    return false;
  }
  if (!providers.has(uuid)) {
    await discoverWallets();
  }
  if (!providers.has(uuid)) {
    return false;
  }
  listen(uuid, (accounts) => {
    const account = accounts[0] ?? null;
    if (account?.toLowerCase() !== address.toLowerCase()) {
      sessionStorage.removeItem(SIGNED_IN_WALLET);
      onOtherAccount?.(account);
    }
  }, onChain);
  return true;
}

window.modelDaoWallet = { discoverWallets, connect, chainId, switchChain, personalSign, signTypedData, sendTransaction, listen, submitSignIn, watchSignedInWallet };
