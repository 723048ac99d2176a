#!/usr/bin/env bash
# Soak benchmark: false transitions over N minutes at 100 ms adverts with both cores saturated.
#
#   benchmarks/soak.sh [minutes [implementation...]]   (default: 10 minutes, "vipkeeper keepalived"; as root)
#
# Each implementation gets a fresh pair of hosts on one bridge (a: priority 150, b: priority 100, VRRPv3,
# 100 ms adverts, one VIP; vipkeeper on VRID 51, keepalived on VRID 52), all pairs running AT THE SAME TIME
# under the same load. Once every pair is steady (a MASTER with the VIP, b BACKUP), one
# `stress-ng --cpu <cores>` and one capture on the bridge run for N minutes. Counted afterwards:
#   - false transitions: every state change after steady state (vipkeeper: the `transitions` counters of the
#     state files; keepalived: "Entering ... STATE" lines of its log), target 0;
#   - on the wire: adverts from b (a BACKUP sends none unless it believed the MASTER dead), and the gaps
#     between a's consecutive adverts (b declares a dead after 3 x 100 ms + 60.9 ms = 360.9 ms).
# Printed, never asserted.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

MINUTES=${1:-10}
shift || true
IMPLS=("$@")
[ ${#IMPLS[@]} -gt 0 ] || IMPLS=(vipkeeper keepalived)
vkb_require_root
vkb_require ip tshark dumpcap setsid stress-ng
for impl in "${IMPLS[@]}"; do
  case "$impl" in
    vipkeeper) vkb_build_agent ;;
    keepalived) vkb_require /usr/sbin/keepalived ;;
    *) echo "unknown implementation $impl (vipkeeper or keepalived)" >&2; exit 2 ;;
  esac
done
vkb_lan $(( 2 * ${#IMPLS[@]} ))
CORES=$(nproc)
SUMMARY="$VKB_WORK/summary.txt"
: > "$SUMMARY"
echo "== soak: ${MINUTES} min at 100 ms adverts under stress-ng --cpu $CORES, side by side: ${IMPLS[*]}"
echo "   $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average at start: $(vkb_load), $CORES cores"

declare -A NS_A NS_B IP_A IP_B VIP VRID PID_A PID_B T0A T0B
i=0
for impl in "${IMPLS[@]}"; do
  NS_A[$impl]=${VKB_HOSTS[$((2 * i))]}; NS_B[$impl]=${VKB_HOSTS[$((2 * i + 1))]}
  IP_A[$impl]=10.198.0.$((2 * i + 1)); IP_B[$impl]=10.198.0.$((2 * i + 2))
  VRID[$impl]=$((51 + i)); VIP[$impl]=10.198.0.$((100 + i))
  i=$((i + 1))
done

transitions() { # impl name
  if [ "$1" = vipkeeper ]; then vkb_vipkeeper_transitions "$2"; else vkb_keepalived_transitions "$2"; fi
}

start_pair() { # impl
  local impl=$1 a=${NS_A[$1]} b=${NS_B[$1]} vrid=${VRID[$1]} vip=${VIP[$1]}
  if [ "$impl" = vipkeeper ]; then
    vkb_vipkeeper_conf "$VKB_WORK/a-$impl.yaml" 150 100ms false "$vrid" "$vip"
    vkb_vipkeeper_conf "$VKB_WORK/b-$impl.yaml" 100 100ms true "$vrid" "$vip"
    vkb_start_vipkeeper "$a" "a-$impl"; PID_A[$impl]=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_vipkeeper_state a-$impl)" = MASTER ] && vkb_has_addr "$a" "$vip"' || { echo "a never MASTER" >&2; return 1; }
    vkb_start_vipkeeper "$b" "b-$impl"; PID_B[$impl]=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_vipkeeper_state b-$impl)" = BACKUP ]' || { echo "b never BACKUP" >&2; return 1; }
  else
    vkb_keepalived_conf "$VKB_WORK/a-$impl.conf" a 150 0.1 MASTER "$vrid" "$vip"
    vkb_keepalived_conf "$VKB_WORK/b-$impl.conf" b 100 0.1 BACKUP "$vrid" "$vip"
    vkb_start_keepalived "$a" "a-$impl"; PID_A[$impl]=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_keepalived_state a-$impl $vrid)" = MASTER ] && vkb_has_addr "$a" "$vip"' || { echo "a never MASTER" >&2; return 1; }
    vkb_start_keepalived "$b" "b-$impl"; PID_B[$impl]=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_keepalived_state b-$impl $vrid)" = BACKUP ]' || { echo "b never BACKUP" >&2; return 1; }
  fi
}

for impl in "${IMPLS[@]}"; do
  start_pair "$impl" || { echo "$impl: could not reach steady state" >&2; exit 1; }
done
sleep 2  # steady state; the state files are rewritten at least once a second
for impl in "${IMPLS[@]}"; do
  T0A[$impl]=$(transitions "$impl" "a-$impl"); T0B[$impl]=$(transitions "$impl" "b-$impl")
done
pcap="$VKB_WORK/soak.pcapng"
ip netns exec "$VKB_BR" dumpcap -q -i br0 -f "arp or ip proto 112" -w "$pcap" >/dev/null 2>&1 &
cap=$!
sleep 1
start_load=$(vkb_load)
stress-ng --cpu "$CORES" --timeout "$((MINUTES * 60))s" --quiet >/dev/null 2>&1 &
stress=$!
echo "   steady state (every a MASTER, every b BACKUP); stress-ng started $(date -u +%H:%M:%S); waiting $MINUTES min"
waited=0
while [ "$waited" -lt "$((MINUTES * 60))" ]; do
  sleep 30; waited=$((waited + 30))
  line="     +${waited}s  load $(vkb_load)  transitions since steady state:"
  for impl in "${IMPLS[@]}"; do
    line+=" $impl a $(( $(transitions "$impl" "a-$impl") - T0A[$impl] )) b $(( $(transitions "$impl" "b-$impl") - T0B[$impl] ))"
  done
  echo "$line"
done
wait "$stress" 2>/dev/null || true
end_load=$(vkb_load)
sleep 2  # let the state files catch up
kill -INT "$cap"; wait "$cap" 2>/dev/null || true
tshark -r "$pcap" -T fields -E separator=, -e frame.time_epoch -e ip.src -Y vrrp 2>/dev/null > "$VKB_WORK/adverts.csv"
for impl in "${IMPLS[@]}"; do
  t1a=$(transitions "$impl" "a-$impl"); t1b=$(transitions "$impl" "b-$impl")
  awk -F, -v aip="${IP_A[$impl]}" '$2 == aip { if (last != "") printf "%.3f\n", ($1 - last) * 1000; last = $1 }' \
    "$VKB_WORK/adverts.csv" | sort -g > "$VKB_WORK/$impl.gaps"
  fromb=$(awk -F, -v bip="${IP_B[$impl]}" '$2 == bip' "$VKB_WORK/adverts.csv" | wc -l)
  awk -v fromb="$fromb" '{ g[NR] = $1; if ($1 > 150) late++ }
    END { i = int(NR * 0.999); if (i < 1) i = 1
          printf "%d %d %.1f %.1f %d\n", NR + 1, fromb, g[i], g[NR], late + 0 }' "$VKB_WORK/$impl.gaps" > "$VKB_WORK/$impl.wire"
  read -r adverts fromb p999 maxgap late < "$VKB_WORK/$impl.wire"
  echo "$impl $MINUTES $((t1a - T0A[$impl])) $((t1b - T0B[$impl])) $adverts $fromb $p999 $maxgap $late" >> "$SUMMARY"
done
vkb_stop "${PID_A[@]}" "${PID_B[@]}"

echo
echo "== summary (false transitions after steady state, target 0; gaps in ms between the MASTER's consecutive"
echo "   adverts on the wire: the BACKUP declares it dead after 360.9 ms)"
echo "   load average at the start of the stress: $start_load, at its end: $end_load"
printf '%-10s %7s %12s %12s %10s %10s %13s %9s %10s\n' impl minutes "false tr. a" "false tr. b" "a adverts" \
  "b adverts" "99.9% gap" "max gap" "gaps>150"
awk '{ printf "%-10s %7s %12s %12s %10s %10s %13s %9s %10s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }' "$SUMMARY"
