#!/usr/bin/env bash
# SIP load against the running appliance (simulated board, demo trunk from 127.0.0.1), driven by SIPp.
#   tests/Appliance.Benchmarks/sip-load.sh cps [rate ...]        calls per second: SIPp's uac scenario (INVITE, 200, ACK, BYE)
#                                                                at each rate for 10 s; a rate passes with 0 failed calls.
#   tests/Appliance.Benchmarks/sip-load.sh concurrent [calls]    that many calls held at once, each sending G.711 RTP for
#                                                                15 s while the box plays its menu back; reports the box's
#                                                                CPU (% of one core) and resident memory per call.
#   tests/Appliance.Benchmarks/sip-load.sh bridged [calls]       that many callers press 1 (RFC 2833), each is bridged to
#                                                                its own simulated agent and recorded, with G.711 RTP both
#                                                                ways for 28 s; CPU and memory per call as above, then
#                                                                the recordings written are counted.
# APPLIANCE_DLL may point at an already built appliance.dll (otherwise a Release build is made).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-cps}
shift || true
dll=${APPLIANCE_DLL:-}
if [ -z "$dll" ]; then
  dotnet build firmware/Appliance.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
  dll=firmware/Appliance.Host/bin/Release/net10.0/appliance.dll
fi
port=${SIP_PORT:-25060}
data=$(mktemp -d)
work=$(mktemp -d)
log="$data/out.log"
extra=()
if [ "$mode" = bridged ]; then
  # One simulated agent per caller, answering at once with no wrap-up, so every caller is bridged while the load runs.
  extra=(--set "Demo:AgentCount=$(( ${1:-100} + 10 ))" --set Demo:AgentAnswerSeconds=0 --set Demo:AgentAnswerStaggerSeconds=0
         --set Demo:WrapUpSeconds=0)
fi
dotnet "$dll" run --data "$data" --set Sip:Transport:ListenAddress=127.0.0.1 --set "Sip:Transport:Port=$port" \
  --set Sip:Media:BindAddress=127.0.0.1 --set Sip:Media:RtpPortMin=40000 --set Sip:Media:RtpPortMax=49999 \
  --set Serilog:MinimumLevel:Default=Warning "${extra[@]}" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; [ -n "${KEEP:-}" ] && echo "kept $data $work" || rm -rf "$data" "$work"' EXIT
# Per-call logging is kept to warnings, so readiness is seen on the control socket rather than in the log.
until dotnet "$dll" status --data "$data" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }

case "$mode" in
  cps)
    rates=("$@")
    [ ${#rates[@]} -eq 0 ] && rates=(50 100 200 300 400)
    for rate in "${rates[@]}"; do
      calls=$((rate * 10))
      (cd "$work" && sipp -sn uac "127.0.0.1:$port" -s load -r "$rate" -m "$calls" -l $((rate * 4)) -i 127.0.0.1 -p $((port + 10)) \
        -nostdin -timeout 60 -trace_stat -stf "cps-$rate.csv" >/dev/null 2>&1) || true
      stats="$work/cps-$rate.csv"
      # The last line of SIPp's statistics: cumulative successful and failed calls.
      header=$(head -1 "$stats"); last=$(tail -1 "$stats")
      col() { echo "$header" | tr ';' '\n' | grep -nx "$1" | cut -d: -f1; }
      ok=$(echo "$last" | cut -d';' -f"$(col SuccessfulCall\(C\))")
      failed=$(echo "$last" | cut -d';' -f"$(col FailedCall\(C\))")
      echo "rate ${rate}/s: ${ok} of ${calls} calls succeeded, ${failed} failed"
    done
    ;;
  concurrent)
    calls=${1:-100}
    hold=15000   # shorter than the menu's own timeouts, so the caller hangs up, not the box
    mkdir -p "$work/pcap"
    ln -sf /usr/share/sip-tester/g711a.pcap "$work/pcap/g711a.pcap"
    # uac_pcap's shape with a long hold: the caller loops its audio for the whole hold.
    { sipp -sd uac_pcap || true; } | sed "s|<pause milliseconds=\"8000\"/>|<pause milliseconds=\"$hold\"/>|; s|<exec play_pcap_audio=\"pcap/dtmf_2833_1.pcap\"/>||" >"$work/hold.xml"
    base_cpu=$(cpu_ticks); base_rss=$(rss_kb)
    rate=$(( calls / 3 > 0 ? calls / 3 : 1 ))
    (cd "$work" && sipp -sf hold.xml "127.0.0.1:$port" -s load -r "$rate" -m "$calls" -l "$calls" -i 127.0.0.1 -p $((port + 20)) \
      -mp $((port + 1000)) -nostdin -timeout 120 -trace_stat -stf conc.csv >/dev/null 2>&1) &
    sipp_pid=$!
    sleep $(( calls / rate + 2 ))   # every call is up and talking
    c0=$(cpu_ticks); t0=$(date +%s%N)
    sleep 8
    c1=$(cpu_ticks); t1=$(date +%s%N)
    rss=$(rss_kb)
    active=$(dotnet "$dll" status --data "$data" 2>/dev/null | grep -o '"calls": *[0-9]*' | head -1 | grep -o '[0-9]*$' || echo "?")
    wait "$sipp_pid" || true
    hz=$(getconf CLK_TCK)
    awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$hz" -v n="$calls" -v rss="$rss" -v base="$base_rss" -v active="$active" 'BEGIN {
      cpu = (c1 - c0) / hz / ((t1 - t0) / 1e9) * 100;
      printf "%d calls held (box reports %s SIP calls): box CPU %.1f %% of one core = %.3f %% per call; RSS %d MB (+%.0f KB per call over idle)\n",
        n, active, cpu, cpu / n, rss / 1024, (rss - base) / n }'
    header=$(head -1 "$work/conc.csv"); last=$(tail -1 "$work/conc.csv")
    col() { echo "$header" | tr ';' '\n' | grep -nx "$1" | cut -d: -f1; }
    echo "SIPp: $(echo "$last" | cut -d';' -f"$(col SuccessfulCall\(C\))") succeeded, $(echo "$last" | cut -d';' -f"$(col FailedCall\(C\))") failed"
    ;;
  bridged)
    calls=${1:-100}
    mkdir -p "$work/pcap"
    ln -sf /usr/share/sip-tester/g711a.pcap "$work/pcap/g711a.pcap"
    ln -sf /usr/share/sip-tester/dtmf_2833_1.pcap "$work/pcap/dtmf_2833_1.pcap"
    # uac_pcap's shape: 8 s of audio in the menu, the digit 1, then four more plays of the 7 s recording while bridged.
    talk='<nop><action><exec play_pcap_audio="pcap/g711a.pcap"/></action></nop><pause milliseconds="7000"/>'
    { sipp -sd uac_pcap || true; } | sed "s|<pause milliseconds=\"1000\"/>|<pause milliseconds=\"1000\"/>$talk$talk$talk$talk|" >"$work/bridged.xml"
    base_rss=$(rss_kb)
    rate=$(( calls / 3 > 0 ? calls / 3 : 1 ))
    (cd "$work" && sipp -sf bridged.xml "127.0.0.1:$port" -s load -r "$rate" -m "$calls" -l "$calls" -i 127.0.0.1 -p $((port + 20)) \
      -mp $((port + 1000)) -nostdin -timeout 180 -trace_stat -stf bridged.csv >/dev/null 2>&1) &
    sipp_pid=$!
    sleep $(( calls / rate + 14 ))   # every caller has pressed 1 and is talking to an agent
    c0=$(cpu_ticks); t0=$(date +%s%N)
    sleep 10
    c1=$(cpu_ticks); t1=$(date +%s%N)
    rss=$(rss_kb)
    active=$(dotnet "$dll" status --data "$data" 2>/dev/null | grep -o '"calls": *[0-9]*' | head -1 | grep -o '[0-9]*$' || echo "?")
    wait "$sipp_pid" || true
    sleep 3   # the last recordings are closed by the writer task
    hz=$(getconf CLK_TCK)
    recordings=$(find "$data" -name '*.wav' | wc -l)
    awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$hz" -v n="$calls" -v rss="$rss" -v base="$base_rss" -v active="$active" 'BEGIN {
      cpu = (c1 - c0) / hz / ((t1 - t0) / 1e9) * 100;
      printf "%d callers bridged to agents and recorded (box reports %s SIP calls): box CPU %.1f %% of one core = %.3f %% per call; RSS %d MB (+%.0f KB per call over idle)\n",
        n, active, cpu, cpu / n, rss / 1024, (rss - base) / n }'
    header=$(head -1 "$work/bridged.csv"); last=$(tail -1 "$work/bridged.csv")
    col() { echo "$header" | tr ';' '\n' | grep -nx "$1" | cut -d: -f1; }
    echo "SIPp: $(echo "$last" | cut -d';' -f"$(col SuccessfulCall\(C\))") succeeded, $(echo "$last" | cut -d';' -f"$(col FailedCall\(C\))") failed; recordings written: $recordings"
    ;;
  *)
    echo "usage: $0 cps [rate ...] | concurrent [calls] | bridged [calls]" >&2
    exit 2
    ;;
esac
