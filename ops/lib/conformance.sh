# Sourced by ops/test: the GraphQL-over-HTTP conformance check of tests/conformance against the real app.
#
#   run_conformance LOGDIR    starts the built app (bin/Release) on a free local port with the test database,
#                             waits for /health, runs tests/conformance/audit.mjs (every graphql-http audit and
#                             the introspection-vs-schema/schema.graphql check), stops the app, and sets
#                             conformance_passed / conformance_failed from the audit's `N passed, N failed` line.
#
# Needs Node.js and npm (ensure_node, ops/lib/node.sh) and, the first time, the npm registry for `npm ci`.
# LEDGER_CONFORMANCE_PORT picks the port (default 5081, or any free one when that is taken).

conformance_say() { echo "ops/test: conformance: $*" >&2; }

# (Re)install the tool's packages when node_modules is missing or older than package-lock.json.
ensure_conformance_packages() {
  local tool="$1"
  if [ -f "$tool/node_modules/.package-lock.json" ] && [ ! "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]; then
    return 0
  fi
  conformance_say "installing its npm packages (npm ci)"
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error >&2)
}

conformance_free_port() {
  node -e '
    const net = require("node:net");
    const tryPort = (port) => {
      const server = net.createServer();
      server.once("error", () => port ? tryPort(0) : process.exit(1));
      server.listen(port, "127.0.0.1", () => { const { port: got } = server.address(); server.close(() => console.log(got)); });
    };
    tryPort(Number(process.argv[1]));' "${LEDGER_CONFORMANCE_PORT:-5081}"
}

conformance_app_pid=""
conformance_stop_app() {
  if [ -n "$conformance_app_pid" ] && kill -0 "$conformance_app_pid" 2>/dev/null; then
    kill "$conformance_app_pid" 2>/dev/null
    wait "$conformance_app_pid" 2>/dev/null
  fi
  conformance_app_pid=""
}

run_conformance() {
  local logdir="$1" tool="$root/tests/conformance" app="$root/src/PartnershipLedger.Api/bin/Release/net10.0"
  local port url started status
  conformance_passed=0
  conformance_failed=1   # until the audit says otherwise

  ensure_node || { conformance_say "no Node.js: the audit did not run"; return; }
  ensure_conformance_packages "$tool" || { conformance_say "npm ci failed: the audit did not run"; return; }
  [ -f "$app/PartnershipLedger.Api.dll" ] || { conformance_say "the app is not built ($app): the audit did not run"; return; }
  port="$(conformance_free_port)" || { conformance_say "no free local port: the audit did not run"; return; }
  url="http://127.0.0.1:$port"

  started=$SECONDS
  echo "ops/test: conformance: starting the app on $url for the GraphQL-over-HTTP audit..."
  # Run the built assembly from its own folder (settings and the model file ship beside it), as ops/run does.
  # The app writes a development admin token once it is up: the audit sends it, as any client would.
  local token_file="$logdir/conformance-token"
  rm -f "$token_file"
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Development Urls="$url" Auth__DevTokenFile="$token_file" exec dotnet PartnershipLedger.Api.dll) >"$logdir/conformance-app.log" 2>&1 &
  conformance_app_pid=$!
  trap 'conformance_stop_app' EXIT
  trap 'conformance_stop_app; exit 130' INT TERM

  local ready=false
  for _ in $(seq 1 120); do
    if ! kill -0 "$conformance_app_pid" 2>/dev/null; then break; fi
    if [ -s "$token_file" ] && node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url/health"; then ready=true; break; fi
    sleep 0.5
  done
  if [ "$ready" != true ]; then
    conformance_say "the app did not become healthy on $url; its log ($logdir/conformance-app.log) ends with:"
    tail -n 20 "$logdir/conformance-app.log" >&2
    conformance_stop_app; trap - EXIT INT TERM
    return
  fi

  LEDGER_TOKEN="$(tr -d '[:space:]' <"$token_file")" node "$tool/audit.mjs" "$url/graphql" "$root/schema/schema.graphql" | tee "$logdir/conformance.txt"
  status=${PIPESTATUS[0]}
  conformance_stop_app; trap - EXIT INT TERM

  local summary
  summary="$(tail -n 1 "$logdir/conformance.txt")"
  if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    conformance_passed="${BASH_REMATCH[1]}"
    conformance_failed="${BASH_REMATCH[2]}"
  fi
  if [ "$status" -ne 0 ] && [ "$conformance_failed" -eq 0 ]; then conformance_failed=1; fi
  echo "ops/test: conformance: done in $((SECONDS - started))s"
}
