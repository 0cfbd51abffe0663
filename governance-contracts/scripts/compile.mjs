// Compiles contracts/*.sol offline with the npm solc (solcjs, wasm) through standard JSON.
// Writes, per contract, <Name>.abi, <Name>.bin and <Name>.json (abi, bytecode, sizes) to the
// output folder (default target/contracts), plus sizes.json for the build report.
// Usage: node scripts/compile.mjs [outDir] [sourceDir] — another source folder compiles test-only
// contracts of other modules (e.g. app/src/test/solidity) without putting them into this one.
// Why not `hardhat compile`: it downloads a solc binary, which is not reachable here.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.resolve(process.argv[2] ?? path.join(root, "target", "contracts"));
const sourceDir = path.resolve(process.argv[3] ?? path.join(root, "contracts"));
const EIP170_LIMIT = 24576;

// Skip when nothing that shapes the output changed (npm install touches package-lock.json's
// mtime, so compare content, not timestamps).
const fingerprint = createHash("sha256");
for (const file of [path.join(root, "package-lock.json"), fileURLToPath(import.meta.url)]) fingerprint.update(fs.readFileSync(file));
for (const file of fs.readdirSync(sourceDir).sort()) fingerprint.update(file).update(fs.readFileSync(path.join(sourceDir, file)));
const inputsHash = fingerprint.digest("hex");
const sizesFile = path.join(outDir, "sizes.json");
const stampFile = path.join(outDir, "inputs.sha256");
if (fs.existsSync(sizesFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === inputsHash && !process.env.FORCE_COMPILE) {
  console.log(`contracts up to date in ${outDir}`);
  process.exit(0);
}

const sources = {};
for (const file of fs.readdirSync(sourceDir).filter((f) => f.endsWith(".sol")).sort()) {
  sources[`contracts/${file}`] = { content: fs.readFileSync(path.join(sourceDir, file), "utf8") };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    // The optimizer keeps the Governor under the EIP-170 size limit.
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "cancun",
    // The registry's events carry every field of a change (state must be rebuildable from logs alone);
    // the IR pipeline compiles them without "stack too deep".
    viaIR: true,
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
  },
};

function findImport(importPath) {
  for (const base of [path.join(root, "node_modules"), root]) {
    const candidate = path.join(base, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, "utf8") };
  }
  return { error: `import not found: ${importPath}` };
}

const started = Date.now();
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const problems = output.errors ?? [];
for (const problem of problems) console.error(problem.formattedMessage ?? problem.message);
if (problems.some((p) => p.severity === "error")) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
const sizes = {};
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!file.startsWith("contracts/")) continue;
  for (const [name, artifact] of Object.entries(contracts)) {
    const bytecode = artifact.evm.bytecode.object;
    const runtimeBytes = artifact.evm.deployedBytecode.object.length / 2;
    if (!bytecode) continue; // interfaces and abstract contracts
    if (runtimeBytes > EIP170_LIMIT) {
      console.error(`${name}: ${runtimeBytes} bytes of runtime code exceed the EIP-170 limit of ${EIP170_LIMIT}`);
      process.exit(1);
    }
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(artifact.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), bytecode);
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify({ contractName: name, abi: artifact.abi, bytecode: `0x${bytecode}` }));
    sizes[name] = runtimeBytes;
  }
}
fs.writeFileSync(sizesFile, JSON.stringify({ compiler: solc.version(), sizes }, null, 2));
fs.writeFileSync(stampFile, inputsHash);
console.log(`solc ${solc.version()}: compiled ${Object.keys(sizes).length} contracts in ${Date.now() - started} ms`);
for (const [name, bytes] of Object.entries(sizes)) console.log(`  ${name.padEnd(20)} ${String(bytes).padStart(6)} bytes runtime`);
