#!/usr/bin/env bash
# Measures the appliance host on the simulated board: time from launch to "ready", time until its control socket
# answers, and resident memory after it has idled. Usage: tests/Appliance.Benchmarks/host-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
dotnet build firmware/Appliance.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
dll=firmware/Appliance.Host/bin/Release/net10.0/appliance.dll
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  log="$data/out.log"
  start=$(date +%s%N)
  dotnet "$dll" run --data "$data" >"$log" 2>&1 &
  pid=$!
  until grep -q "Appliance ready in" "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.01
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  until dotnet "$dll" status --data "$data" >/dev/null 2>&1; do sleep 0.01; done
  answering=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 10
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "run $run: ready after ${ready} ms (self-reported: $(grep -o 'ready in [0-9]* ms' "$log")), control socket answering after ${answering} ms, idle RSS $((rss / 1024)) MB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
