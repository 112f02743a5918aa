# Shared by the ops scripts: Node.js and npm, which the build needs for the GraphQL explorer's bundle (web/explorer)
# and ops/test for its audit and browser tests. Debian's nodejs and npm packages are installed with apt-get when
# missing, as ops/db does for PostgreSQL.
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  echo "ops: Node.js not found: installing Debian's nodejs and npm packages" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "ops: need root to apt-get install nodejs npm" >&2; return 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq nodejs npm >&2
}
