# Shared by the ops scripts: make sure the .NET SDK this repo needs is on PATH.
ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "ops: the .NET 10 SDK (dotnet) is required but not on PATH; install it, then retry." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
