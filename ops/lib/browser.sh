# Sourced by ops/test: Debian's Chromium for the browser tests (tests/PartnershipLedger.Tests/Browser), which
# Playwright drives at /usr/bin/chromium. Playwright never downloads a browser here.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

ensure_chromium() {
  [ -x "${LEDGER_CHROMIUM:-/usr/bin/chromium}" ] && return 0
  echo "ops/test: Chromium not found: installing Debian's chromium package for the browser tests" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "ops/test: need root to apt-get install chromium; the browser tests will fail" >&2; return 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq chromium >&2
}
