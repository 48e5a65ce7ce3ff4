#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench, served to a browser) into the git-ignored
# cache .e2e/, for the editor end-to-end test (npm run test:e2e). No VS Code desktop build can
# be downloaded on our machines; code-server comes from the npm registry and its native modules
# are built here. Nothing is installed into the project's own node_modules.
#
# A finished install is marked with .complete (code-server version and Node ABI) and reused as is;
# an unfinished one, or one built for another Node, is removed and redone. Prints the code-server entry point on its last line.
#
#   bash scripts/e2e-setup.sh            # install if needed
#   E2E_CACHE=/some/dir bash scripts/e2e-setup.sh
#
# Needs the Debian packages chromium, fonts-noto-cjk, ripgrep and libkrb5-dev (build-essential,
# python3 and Node's headers are on the machine already).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # VS Code 1.100, the last line that runs on Node 20
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${E2E_CACHE:-$ROOT/.e2e}"
DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

# Native modules are built for one Node ABI: another Node means another install.
STAMP="code-server $CODE_SERVER_VERSION, node ABI $(node -p process.versions.modules)"
if [ -f "$ENTRY" ] && [ "$(cat "$DIR/.complete" 2>/dev/null)" = "$STAMP" ]; then
  echo "$ENTRY"
  exit 0
fi

missing=()
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/include/krb5.h ] || [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
fc-list 2>/dev/null | grep -i 'noto.*cjk' >/dev/null || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e-setup: missing Debian packages: ${missing[*]}" >&2
  echo "e2e-setup: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 3
fi

started=$(date +%s)
log() { echo "e2e-setup: $* ($(($(date +%s) - started)) s)" >&2; }

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{ "name": "budget-e2e-code-server", "private": true }' >package.json

# Install scripts are skipped throughout: they would download prebuilt binaries (ripgrep) that
# cannot be fetched here; the native modules are built explicitly with `npm rebuild` instead.
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log "npm install code-server@$CODE_SERVER_VERSION"
npm install --ignore-scripts --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
log "build argon2"
npm rebuild argon2 --loglevel=error >&2

VSCODE="$DIR/node_modules/code-server/lib/vscode"
cd "$VSCODE"
log "npm install in lib/vscode"
npm install --omit=dev --ignore-scripts --loglevel=error >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "build the native modules of VS Code (node-pty, spdlog, kerberos, …)"
npm rebuild --loglevel=error >&2
ln -sfn node_modules node_modules.asar
log "npm install in lib/vscode/extensions"
(cd extensions && npm install --ignore-scripts --loglevel=error >&2)

# code-server writes a config file and logs under XDG dirs: keep them inside the cache.
XDG_CONFIG_HOME="$DIR/.xdg/config" XDG_DATA_HOME="$DIR/.xdg/data" node "$ENTRY" --version >&2
echo "$STAMP" >"$DIR/.complete"
log "done"
echo "$ENTRY"
