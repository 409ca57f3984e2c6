#!/bin/bash
# Runs incidoc-worker-conformance against a real incidoc-worker on a loopback port (with an API key).
# usage: run_conformance.sh WORKER CONFORMANCE
set -u
worker=$1 conformance=$2
dir=$(mktemp -d)
trap 'kill -KILL $pid 2>/dev/null; rm -rf "$dir"' EXIT
openssl rand -hex 32 > "$dir/key"
# An engine the worker does not have: it refuses to start, naming it.
if "$worker" --listen 127.0.0.1:0 --engines tesseract,no-such-engine 2> "$dir/refused"; then
    echo "worker started with an unknown engine"; exit 1
fi
grep -q 'unknown engine "no-such-engine"' "$dir/refused" || { echo "unclear refusal:"; cat "$dir/refused"; exit 1; }
# Every engine this build has (the default); CONFORMANCE_WORKER_ARGS may narrow them (--engines tesseract).
"$worker" --listen 127.0.0.1:0 --threads 2 --api-key-file "$dir/key" ${CONFORMANCE_WORKER_ARGS:-} 2> "$dir/log" &
pid=$!
port=
for _ in $(seq 1 600); do
    port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$dir/log" | grep -o '[0-9]*$')
    [ -n "$port" ] && break
    kill -0 $pid 2>/dev/null || { echo "worker exited:"; cat "$dir/log"; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "worker did not start:"; cat "$dir/log"; exit 1; }
"$conformance" --target "127.0.0.1:$port" --api-key-file "$dir/key"
status=$?
kill -TERM $pid
wait $pid
worker_status=$?
if [ $worker_status -ne 0 ]; then
    echo "worker exited with $worker_status after SIGTERM"; cat "$dir/log"; exit 1
fi
exit $status
