#!/usr/bin/env bash
# l1-build.sh compiles the settlement contracts and regenerates their Go
# bindings, reproducibly:
#
#   l1/contracts/*.sol     sources (hand-written)
#   l1/build/<C>.abi       ABI, pretty-printed JSON     (generated, committed)
#   l1/build/<C>.bin       creation bytecode, hex       (generated, committed)
#   l1/build/solc.json     compiler version + settings  (generated, committed)
#   l1/bindings/*.go       abigen v2 bindings           (generated, committed)
#
# The compiler is solcjs from npm at a pinned version (and checked against its
# pinned commit), installed on first use into .cache/solc/<version>/ (git
# ignored). abigen is go-ethereum's cmd/abigen at the version go.mod pins,
# run with `go run pkg@version` so its CLI dependencies stay out of go.mod.
# Settings are fixed (optimizer on, fixed runs, pinned EVM version, source
# names relative to l1/), so running this twice yields no diff.
set -euo pipefail

SOLC_VERSION=0.8.37
SOLC_COMMIT=f401782d
EVM_VERSION=cancun # EIP-1153 transient storage is used for the signer-set uniqueness check
OPTIMIZER_RUNS=200
ABIGEN=github.com/ethereum/go-ethereum/cmd/abigen@v1.17.10

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
l1="$root/l1"
solc_dir="$root/.cache/solc/$SOLC_VERSION"

if [ ! -f "$solc_dir/node_modules/solc/soljson.js" ]; then
	echo "Installing solc@$SOLC_VERSION (solcjs) into ${solc_dir#"$root"/}"
	mkdir -p "$solc_dir"
	npm install --prefix "$solc_dir" --no-save --no-audit --no-fund --ignore-scripts \
		--loglevel=error "solc@$SOLC_VERSION" >/dev/null
fi

mkdir -p "$l1/build" "$l1/bindings"
# Outputs are replaced wholesale so a removed contract leaves nothing behind.
rm -f "$l1"/build/*.abi "$l1"/build/*.bin "$l1"/bindings/*.go

echo "Compiling l1/contracts/*.sol with solc $SOLC_VERSION (evm $EVM_VERSION, runs $OPTIMIZER_RUNS)"
SOLC_MODULE="$solc_dir/node_modules/solc" SOLC_VERSION="$SOLC_VERSION" SOLC_COMMIT="$SOLC_COMMIT" \
	EVM_VERSION="$EVM_VERSION" OPTIMIZER_RUNS="$OPTIMIZER_RUNS" L1_DIR="$l1" \
	node - <<'JS'
const fs = require('fs');
const path = require('path');
const solc = require(process.env.SOLC_MODULE);
const env = process.env;

const want = `${env.SOLC_VERSION}+commit.${env.SOLC_COMMIT}`;
if (!solc.version().startsWith(want)) {
  console.error(`solc is ${solc.version()}, want ${want}; remove .cache/solc and run again`);
  process.exit(1);
}

const dir = env.L1_DIR;
const sources = {};
for (const f of fs.readdirSync(path.join(dir, 'contracts')).filter((f) => f.endsWith('.sol')).sort()) {
  sources[`contracts/${f}`] = { content: fs.readFileSync(path.join(dir, 'contracts', f), 'utf8') };
}
const settings = {
  optimizer: { enabled: true, runs: Number(env.OPTIMIZER_RUNS) },
  evmVersion: env.EVM_VERSION,
  metadata: { bytecodeHash: 'ipfs' },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};
const out = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings })));

let failed = false;
for (const e of out.errors || []) {
  if (e.severity === 'error') failed = true;
  // The transient-storage warning is expected: see _validateSignerSet.
  if (e.severity === 'warning' && /transient storage/i.test(e.message)) continue;
  console.error(e.formattedMessage);
}
if (failed) process.exit(1);

for (const file of Object.keys(out.contracts).sort()) {
  for (const name of Object.keys(out.contracts[file]).sort()) {
    const c = out.contracts[file][name];
    fs.writeFileSync(path.join(dir, 'build', `${name}.abi`), JSON.stringify(c.abi, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, 'build', `${name}.bin`), c.evm.bytecode.object + '\n');
  }
}
// sha256 of each source lets a Go test notice a contract edited without
// rerunning this script.
const sourceSha256 = {};
for (const [name, src] of Object.entries(sources)) {
  sourceSha256[name] = require('crypto').createHash('sha256').update(src.content).digest('hex');
}
const info = { compiler: `solc ${solc.version()}`, sourceSha256, settings };
fs.writeFileSync(path.join(dir, 'build', 'solc.json'), JSON.stringify(info, null, 2) + '\n');
JS

echo "Generating Go bindings with $ABIGEN"
for abi in "$l1"/build/*.abi; do
	name="$(basename "$abi" .abi)"
	# SocialchainSettlement -> socialchain_settlement.go
	file="$(echo "$name" | sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' | tr '[:upper:]' '[:lower:]').go"
	go run "$ABIGEN" --v2 --abi "$abi" --bin "$l1/build/$name.bin" \
		--pkg bindings --type "$name" --out "$l1/bindings/$file"
	chmod 0644 "$l1/bindings/$file"
done
echo "Done: l1/build/ and l1/bindings/"
