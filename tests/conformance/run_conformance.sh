#!/bin/bash
# Runs incidoc-worker-conformance against a real incidoc-worker on a loopback port (with an API key).
# usage: run_conformance.sh WORKER CONFORMANCE
set -u
worker=$1 conformance=$2
dir=$(mktemp -d)
trap 'kill -KILL $pid 2>/dev/null; rm -rf "$dir"' EXIT
openssl rand -hex 32 > "$dir/key"
"$worker" --listen 127.0.0.1:0 --threads 2 --api-key-file "$dir/key" 2> "$dir/log" &
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
