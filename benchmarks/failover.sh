#!/usr/bin/env bash
# Failover benchmark: kill -9 of the MASTER -> first gratuitous ARP (and first advert) from the new MASTER,
# measured on the wire, vipkeeper and keepalived alternating in the same namespaces with the same settings.
#
#   benchmarks/failover.sh [runs-at-100ms [runs-at-1s]]     (default 10 and 5; as root)
#   WARM=1 benchmarks/failover.sh ...    b starts first and is MASTER once before a preempts it ("warm" b)
#
# Per run: two fresh peers of ONE implementation (a: priority 150, b: priority 100, VRRPv3, VRID 51, one VIP
# 10.198.0.100, the same advert interval), wait for a=MASTER b=BACKUP, start a capture on the bridge, kill -9
# a (its whole session: keepalived's parent and VRRP child at once), wait for b to take the VIP, stop the
# capture. From the capture: (a) the last advert of the old MASTER, (b) the first gratuitous ARP for the VIP
# from the new MASTER, and the first advert from it. Printed, never asserted.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

RUNS_FAST=${1:-10}
RUNS_SLOW=${2:-5}
WARM=${WARM:-}
vkb_require_root
vkb_require ip tshark dumpcap setsid /usr/sbin/keepalived
vkb_build_agent
vkb_lan 2
A="${VKB_HOSTS[0]}"; B="${VKB_HOSTS[1]}"
A_IP=10.198.0.1; B_IP=10.198.0.2; VIP=10.198.0.100; VRID=51
B_MAC=$(vkb_mac "$B")
RESULTS="$VKB_WORK/results.txt"
: > "$RESULTS"

echo "== failover: $RUNS_FAST runs at 100 ms and $RUNS_SLOW runs at 1 s, each alternating vipkeeper / keepalived$([ -n "$WARM" ] && echo ", WARM=1: b was MASTER once before")"
echo "   $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average at start: $(vkb_load), $(nproc) cores"
echo "   vipkeeper: node-agent/vipkeeper-agent (launcher JVM options)${VIPKEEPER_JAVA_OPTS:+ + VIPKEEPER_JAVA_OPTS=$VIPKEEPER_JAVA_OPTS}"
echo "   keepalived: $(/usr/sbin/keepalived --version 2>&1 | head -1)"

# a fresh pair: a (150) MASTER with the VIP, then b (100) BACKUP; sets pa and pb. With WARM=1, b starts
# first and becomes MASTER alone, then a starts and preempts it: b has then been through the MASTER path once.
start_pair() { # impl interval-ms tag
  local impl=$1 ms=$2 tag=$3 seconds
  seconds=$(awk -v m="$ms" 'BEGIN {printf "%g", m / 1000}')
  if [ "$impl" = vipkeeper ]; then
    vkb_vipkeeper_conf "$VKB_WORK/a-$tag.yaml" 150 "${ms}ms" false "$VRID" "$VIP"
    vkb_vipkeeper_conf "$VKB_WORK/b-$tag.yaml" 100 "${ms}ms" true "$VRID" "$VIP"
    state_a() { vkb_vipkeeper_state "a-$tag"; }
    state_b() { vkb_vipkeeper_state "b-$tag"; }
    start_a() { vkb_start_vipkeeper "$A" "a-$tag"; pa=$VKB_PID; }
    start_b() { vkb_start_vipkeeper "$B" "b-$tag"; pb=$VKB_PID; }
  else
    vkb_keepalived_conf "$VKB_WORK/a-$tag.conf" a 150 "$seconds" MASTER "$VRID" "$VIP"
    vkb_keepalived_conf "$VKB_WORK/b-$tag.conf" b 100 "$seconds" BACKUP "$VRID" "$VIP"
    state_a() { vkb_keepalived_state "a-$tag" "$VRID"; }
    state_b() { vkb_keepalived_state "b-$tag" "$VRID"; }
    start_a() { vkb_start_keepalived "$A" "a-$tag"; pa=$VKB_PID; }
    start_b() { vkb_start_keepalived "$B" "b-$tag"; pb=$VKB_PID; }
  fi
  if [ -n "$WARM" ]; then
    start_b
    vkb_wait 30 eval '[ "$(state_b)" = MASTER ] && vkb_has_addr "$B" "$VIP"' ||
      { echo "   $tag: b alone never became MASTER with the VIP" >&2; return 1; }
  fi
  start_a
  vkb_wait 30 eval '[ "$(state_a)" = MASTER ] && vkb_has_addr "$A" "$VIP"' ||
    { echo "   $tag: a never became MASTER with the VIP" >&2; return 1; }
  [ -n "$WARM" ] || start_b
  vkb_wait 30 eval '[ "$(state_b)" = BACKUP ] && ! vkb_has_addr "$B" "$VIP"' ||
    { echo "   $tag: b never became BACKUP" >&2; return 1; }
}

# one run: impl interval-ms run-number
run_once() {
  local impl=$1 ms=$2 n=$3 tag="$1-$2-$3" pcap cap t_kill
  ip -n "$A" addr del "$VIP/16" dev eth0 2>/dev/null || true
  ip -n "$B" addr del "$VIP/16" dev eth0 2>/dev/null || true
  pa=""; pb=""
  if ! start_pair "$impl" "$ms" "$tag"; then
    vkb_kill KILL "$pa" "$pb"
    return 1
  fi
  # steady state: b has been BACKUP for a while (several adverts received and its timer re-armed many times)
  sleep "$(awk -v m="$ms" 'BEGIN {printf "%.2f", (m * 4 > 1500 ? m * 4 : 1500) / 1000}')"
  pcap="$VKB_WORK/$tag.pcapng"
  ip netns exec "$VKB_BR" dumpcap -q -i br0 -f "arp or ip proto 112" -w "$pcap" >/dev/null 2>&1 &
  cap=$!
  # let dumpcap open the interface, then kill at a random phase of a's advert interval
  sleep "$(awk -v m="$ms" -v r="$RANDOM" 'BEGIN {printf "%.3f", (1000 + m * 2 + r % 1000 / 1000 * m) / 1000}')"
  t_kill=$(date +%s%N)
  vkb_kill KILL "$pa"
  vkb_wait $(( ms * 10 / 1000 + 5 )) vkb_has_addr "$B" "$VIP" || echo "   $tag: b did not take the VIP" >&2
  sleep 0.5
  kill -INT "$cap"; wait "$cap" 2>/dev/null || true
  vkb_stop "$pb"
  # frame time, source IP (VRRP) and ARP sender (GARP) of every frame
  tshark -r "$pcap" -T fields -E separator=, -e frame.time_epoch -e eth.src -e ip.src -e vrrp.prio \
      -e arp.src.proto_ipv4 -Y "vrrp or arp" 2>/dev/null |
    awk -F, -v aip="$A_IP" -v bip="$B_IP" -v bmac="$B_MAC" -v vip="$VIP" -v kill="$t_kill" -v ms="$ms" \
        -v impl="$impl" -v n="$n" '
      { t = $1 }
      $3 == aip && $4 != "" { last_a = t }
      $3 == bip && $4 != "" && first_adv == "" { first_adv = t }
      $2 == bmac && $5 == vip && first_garp == "" { first_garp = t }
      END {
        bound = 3 * ms + (256 - 100) / 256 * ms
        if (last_a == "" || first_garp == "") { printf "%s %d %d FAILED\n", impl, ms, n; exit }
        ga = (first_garp - last_a) * 1000
        ad = first_adv == "" ? 1e9 : (first_adv - last_a) * 1000   # (no advert: shows as a huge figure)
        printf "%s %d %d %.3f %.3f %.3f %.3f %.3f\n", impl, ms, n, ga, ga - bound, ad, ad - bound,
               kill / 1e6 - last_a * 1000 }' >> "$RESULTS"
  tail -1 "$RESULTS" | awk -v load="$(vkb_load)" '$4 == "FAILED" { print "   " $0; next }
    { printf "   %-10s %5d ms  run %2d   GARP %8.1f ms (%+6.1f over the bound)   advert %8.1f ms (%+6.1f)   kill %6.1f ms after the last advert   load %s\n", $1, $2, $3, $4, $5, $6, $7, $8, load }'
  ip -n "$A" addr del "$VIP/16" dev eth0 2>/dev/null || true
  ip -n "$B" addr del "$VIP/16" dev eth0 2>/dev/null || true
}

for ms in 100 1000; do
  runs=$([ "$ms" = 100 ] && echo "$RUNS_FAST" || echo "$RUNS_SLOW")
  for n in $(seq 1 "$runs"); do
    run_once vipkeeper "$ms" "$n" || echo "vipkeeper $ms $n FAILED" >> "$RESULTS"
    run_once keepalived "$ms" "$n" || echo "keepalived $ms $n FAILED" >> "$RESULTS"
  done
done

echo
echo "== summary (ms; b-a = first GARP from the new MASTER minus the old MASTER's last advert on the wire;"
echo "   bound = 3 x interval + skew, skew = (256-100)/256 x interval; load average at the end: $(vkb_load))"
printf '%-10s %8s %5s %11s %11s %9s %14s %14s %14s %14s\n' impl interval runs "median b-a" "worst b-a" bound \
  "median b-a-bd" "worst b-a-bd" "median adv-bd" "worst adv-bd"
declare -A MED
for ms in 100 1000; do
  bound=$(awk -v m="$ms" 'BEGIN {printf "%.1f", 3 * m + (256 - 100) / 256 * m}')
  for impl in vipkeeper keepalived; do
    read -r med worst cnt < <(awk -v i="$impl" -v m="$ms" '$1 == i && $2 == m && $4 != "FAILED" {print $4}' "$RESULTS" | vkb_stats)
    read -r emed eworst _ < <(awk -v i="$impl" -v m="$ms" '$1 == i && $2 == m && $4 != "FAILED" {print $5}' "$RESULTS" | vkb_stats)
    read -r amed aworst _ < <(awk -v i="$impl" -v m="$ms" '$1 == i && $2 == m && $4 != "FAILED" {print $7}' "$RESULTS" | vkb_stats)
    failed=$(awk -v i="$impl" -v m="$ms" '$1 == i && $2 == m && $4 == "FAILED"' "$RESULTS" | wc -l)
    MED[$impl-$ms]=$med
    MED[x$impl-$ms]=$emed
    printf '%-10s %6s ms %5s %11s %11s %9s %14s %14s %14s %14s%s\n' "$impl" "$ms" "$cnt" "$med" "$worst" "$bound" \
      "$emed" "$eworst" "$amed" "$aworst" "$([ "$failed" -gt 0 ] && echo "   ($failed failed)")"
  done
done
for ms in 100 1000; do
  awk -v v="${MED[vipkeeper-$ms]}" -v k="${MED[keepalived-$ms]}" -v xv="${MED[xvipkeeper-$ms]}" \
      -v xk="${MED[xkeepalived-$ms]}" -v m="$ms" 'BEGIN {
    if (k + 0 > 0) printf "ratio vipkeeper/keepalived at %d ms: median b-a %.3f", m, v / k
    if (xk + 0 > 0) printf ", median (b-a-bound) %.2f", xv / xk
    print "" }'
done
[ -z "${VKB_KEEP:-}" ] || echo "(per-run figures: $RESULTS)"
