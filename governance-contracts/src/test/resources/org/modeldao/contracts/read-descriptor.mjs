// Reads a deployment descriptor in a process of its own (and another language) and checks,
// over plain JSON-RPC, that every address it names holds code and that the registry's
// owner is the timelock. Prints one JSON line with what it found.
import fs from "node:fs";

const descriptor = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let id = 0;
async function rpc(method, params) {
  const response = await fetch(descriptor.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

const chainId = parseInt(await rpc("eth_chainId", []), 16);
const codeSizes = {};
for (const name of ["token", "timelock", "governor", "registry"]) {
  codeSizes[name] = ((await rpc("eth_getCode", [descriptor[name], "latest"])).length - 2) / 2;
}
const ownerSelector = "0x8da5cb5b"; // owner()
const ownerWord = await rpc("eth_call", [{ to: descriptor.registry, data: ownerSelector }, "latest"]);
const registryOwner = "0x" + ownerWord.slice(-40);
console.log(JSON.stringify({ chainId, descriptorChainId: descriptor.chainId, codeSizes, registryOwner, timelock: descriptor.timelock.toLowerCase() }));
