# Sourced by scripts/demo and scripts/test: installs what is missing, skips what is already
# there at the pinned version. Everything comes from the package registries (crates.io, npm,
# Debian), because nothing else can be reached on the machines this runs on.
# Pins: trunk 0.21.14 (0.22 needs a newer rustc), wasm-bindgen-cli = the version in Cargo.lock,
# binaryen and Playwright from package-lock.json, Chromium from Debian.

TRUNK_VERSION=0.21.14
LEPTOSFMT_VERSION=0.1.33
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Tools build much faster without their fat-LTO release profiles, and run just as well.
FAST_INSTALL=(env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  step "apt-get install $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_node() {
  command -v npm >/dev/null || apt_install nodejs npm
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    { step "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    step "cargo install trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    "${FAST_INSTALL[@]}" cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

# Formats the insides of Leptos view! macros (0.1.33 reads Leptos 0.8 syntax); see leptosfmt.toml.
ensure_leptosfmt() {
  if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
    step "cargo install leptosfmt $LEPTOSFMT_VERSION (about 2 minutes)"
    "${FAST_INSTALL[@]}" cargo install leptosfmt --locked --version "$LEPTOSFMT_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    # Not --locked: its lockfile pins a crate version the registry no longer serves.
    step "cargo install wasm-bindgen-cli $want (about 3 minutes)"
    "${FAST_INSTALL[@]}" cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# node_modules is current when it was installed from this very package-lock.json.
ensure_npm_packages() {
  local stamp="$ROOT/node_modules/.installed-from-lock" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    step "npm ci (Playwright without its browser download, binaryen)"
    (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    echo "$want" >"$stamp"
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || apt_install chromium chromium-driver
}

# What building the console needs.
setup_build() {
  ensure_node
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_leptosfmt
  ensure_wasm_bindgen
  (cd "$ROOT" && cargo fetch --locked -q)
}

# Builds the release console into dist/. --offline makes Trunk fail fast instead of trying
# to download a tool; it also makes cargo offline, hence the `cargo fetch` above.
build_console() {
  step "trunk build --release"
  (cd "$ROOT" && trunk build --release --offline)
}

# Processes and folders a script started or made, removed when it exits (by process id only).
CLEANUP_PIDS=()
CLEANUP_DIRS=()
cleanup() {
  if [ ${#CLEANUP_PIDS[@]} -gt 0 ]; then kill "${CLEANUP_PIDS[@]}" 2>/dev/null || true; fi
  if [ ${#CLEANUP_DIRS[@]} -gt 0 ]; then rm -rf "${CLEANUP_DIRS[@]}"; fi
}
trap cleanup EXIT

# Waits until something answers HTTP on 127.0.0.1:$1.
wait_for_port() {
  for _ in $(seq 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then return 0; fi
    sleep 0.1
  done
  echo "nothing answers on 127.0.0.1:$1" >&2
  return 1
}

# Starts target/debug/scim-emulator on 127.0.0.1:$1 with the remaining arguments and waits
# until it answers; it is stopped when the calling script exits.
start_emulator() {
  local port=$1
  shift
  "$ROOT/target/debug/scim-emulator" --listen "127.0.0.1:$port" "$@" >/dev/null &
  CLEANUP_PIDS+=($!)
  wait_for_port "$port"
}
