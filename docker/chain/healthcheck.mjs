// Health check of the dev chain container: healthy once the node answers eth_chainId.
const url = process.argv[2] ?? "http://127.0.0.1:8545";
try {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    signal: AbortSignal.timeout(4000),
  });
  const body = await response.json();
  process.exit(response.ok && typeof body.result === "string" ? 0 : 1);
} catch {
  process.exit(1);
}
