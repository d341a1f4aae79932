#!/usr/bin/env bash
# Does what the Dockerfile does, without Docker: `npm ci --omit=dev` and `npm run build` in a clean
# copy of the repository, then serves it as an unprivileged user (uid 65534, like the image's
# `node` user it owns nothing but its data folder) with NODE_ENV=production, waits for /healthz,
# stops it with SIGTERM and expects a clean exit. CI runs it where no Docker daemon answers.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/sagslab-image-XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The build context as docker sees it: tracked files, minus .dockerignore (nothing tracked is ignored).
git ls-files -z | xargs -0 -I{} cp --parents {} "$work/"
cd "$work"
echo "  npm ci --omit=dev …"
npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null
# The postinstall step patched Remix's route matching (patches/, docs/decisions/0023).
for file in node_modules/@remix-run/router/dist/router.cjs.js node_modules/@remix-run/react/dist/server.js \
  node_modules/react-router-dom/server.js; do
  grep -q "Sagslab patch" "$file" || { echo "npm ci did not apply patches/ to $file."; exit 1; }
done
echo "  npm run build …"
NODE_ENV=production npm run build --silent >/dev/null

data="$work/data"
mkdir -p "$data"
chown -R 65534:65534 "$data"
chmod -R a+rX "$work"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
echo "  serving as uid 65534 on port $port …"
setpriv --reuid=65534 --regid=65534 --clear-groups env -i PATH="$PATH" HOME=/tmp NODE_ENV=production PORT="$port" \
  DATA_DIR="$data" node server/index.js >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "The server stopped while starting."; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; echo "/healthz did not answer."; exit 1; }
curl -fsS -o /dev/null "http://127.0.0.1:$port/login"
if setpriv --reuid=65534 --regid=65534 --clear-groups touch "$work/server/written-by-app" 2>/dev/null; then
  echo "The unprivileged user could change the app's own files."
  exit 1
fi
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
if [ "$status" != 0 ]; then cat "$work/server.log"; echo "SIGTERM ended the server with status $status, not 0."; exit 1; fi
echo "  the image recipe builds, serves /healthz as an unprivileged user, and stops cleanly on SIGTERM"
