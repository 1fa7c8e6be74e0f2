#!/usr/bin/env bash
# Runs every test of the appliance, as README says and CI does (.ci/run calls this).
# Installs what is missing (Debian and npm packages) and starts any server it needs itself, on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# Real peers: SIPp (SIP), baresip and linphonec (agent softphones), PostgreSQL (head office). Node.js runs the gRPC interop peer (@grpc/grpc-js).
# systemd brings systemd-analyze and systemd-sysusers, which check the unit file offline.
apt_install sip-tester baresip linphone-cli postgresql systemd
# The arm64 build runs under qemu user-mode emulation with Debian's arm64 C library.
apt_install qemu-user libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross
command -v node >/dev/null 2>&1 || apt_install nodejs npm
for dir in tests/*/interop; do
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

configuration=Release
dotnet build Appliance.sln -c "$configuration" -nologo -clp:ErrorsOnly
# The product's architecture: a self-contained arm64 publish, which Arm64BuildTests run under qemu.
dotnet publish firmware/Appliance.Host -c "$configuration" -r linux-arm64 --self-contained -o artifacts/arm64 -nologo -clp:ErrorsOnly
export APPLIANCE_ARM64_DIR="$PWD/artifacts/arm64"
log=$(mktemp)
status=0
# One project at a time, the integration tests last: they run real-time calls on the real appliance and must not share
# the two cores with other test processes.
projects=$(ls tests/*/*.Tests.csproj | sort; echo tests/Appliance.IntegrationTests/Appliance.IntegrationTests.csproj)
for project in $projects; do
  dotnet test "$project" -c "$configuration" --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee -a "$log" || status=$?
done

# One closing line for the whole run: 'N passed, N failed'.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
