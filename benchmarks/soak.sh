#!/usr/bin/env bash
# Soak benchmark: false transitions over N minutes at 100 ms adverts with both cores saturated.
#
#   benchmarks/soak.sh [minutes [implementation...]]   (default: 10 minutes, "vipkeeper keepalived"; as root)
#
# Per implementation: a fresh pair in namespaces (a: priority 150, b: priority 100, VRRPv3, 100 ms adverts,
# one VIP), wait for a=MASTER b=BACKUP (steady state), then start `stress-ng --cpu <cores>` and a capture on
# the bridge for N minutes. Counted afterwards:
#   - false transitions: every state change after steady state (vipkeeper: the `transitions` counters of the
#     state files; keepalived: "Entering ... STATE" lines of its log), target 0;
#   - on the wire: adverts from b (a BACKUP never sends one unless it believed the MASTER dead), and the gaps
#     between a's consecutive adverts (the Backup declares the Master dead after 3 x 100 ms + 60.9 ms).
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
vkb_lan 2
A="${VKB_HOSTS[0]}"; B="${VKB_HOSTS[1]}"
A_IP=10.198.0.1; B_IP=10.198.0.2; VIP=10.198.0.100; VRID=51
CORES=$(nproc)
SUMMARY="$VKB_WORK/summary.txt"
: > "$SUMMARY"
echo "== soak: ${MINUTES} min at 100 ms adverts under stress-ng --cpu $CORES, for: ${IMPLS[*]}"
echo "   $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average at start: $(vkb_load), $CORES cores"

transitions() { # impl name
  if [ "$1" = vipkeeper ]; then vkb_vipkeeper_transitions "$2"; else vkb_keepalived_transitions "$2"; fi
}

soak() { # impl
  local impl=$1 pa pb t0a t0b t1a t1b stress cap pcap start_load end_load
  if [ "$impl" = vipkeeper ]; then
    vkb_vipkeeper_conf "$VKB_WORK/a-$impl.yaml" 150 100ms false "$VRID" "$VIP"
    vkb_vipkeeper_conf "$VKB_WORK/b-$impl.yaml" 100 100ms true "$VRID" "$VIP"
    vkb_start_vipkeeper "$A" "a-$impl"; pa=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_vipkeeper_state a-$impl)" = MASTER ] && vkb_has_addr "$A" "$VIP"' || { echo "a never MASTER" >&2; return 1; }
    vkb_start_vipkeeper "$B" "b-$impl"; pb=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_vipkeeper_state b-$impl)" = BACKUP ]' || { echo "b never BACKUP" >&2; return 1; }
  else
    vkb_keepalived_conf "$VKB_WORK/a-$impl.conf" a 150 0.1 MASTER "$VRID" "$VIP"
    vkb_keepalived_conf "$VKB_WORK/b-$impl.conf" b 100 0.1 BACKUP "$VRID" "$VIP"
    vkb_start_keepalived "$A" "a-$impl"; pa=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_keepalived_state a-$impl $VRID)" = MASTER ] && vkb_has_addr "$A" "$VIP"' || { echo "a never MASTER" >&2; return 1; }
    vkb_start_keepalived "$B" "b-$impl"; pb=$VKB_PID
    vkb_wait 30 eval '[ "$(vkb_keepalived_state b-$impl $VRID)" = BACKUP ]' || { echo "b never BACKUP" >&2; return 1; }
  fi
  sleep 2  # steady state; the state files are rewritten at least once a second
  t0a=$(transitions "$impl" "a-$impl"); t0b=$(transitions "$impl" "b-$impl")
  pcap="$VKB_WORK/$impl.pcapng"
  ip netns exec "$VKB_BR" dumpcap -q -i br0 -f "arp or ip proto 112" -w "$pcap" >/dev/null 2>&1 &
  cap=$!
  sleep 1
  start_load=$(vkb_load)
  stress-ng --cpu "$CORES" --timeout "$((MINUTES * 60))s" --quiet >/dev/null 2>&1 &
  stress=$!
  echo "   $impl: steady state (a MASTER, b BACKUP), stress-ng started $(date -u +%H:%M:%S); waiting $MINUTES min"
  local waited=0
  while [ "$waited" -lt "$((MINUTES * 60))" ]; do
    sleep 30; waited=$((waited + 30))
    echo "     +${waited}s load $(vkb_load)  transitions so far a $(( $(transitions "$impl" "a-$impl") - t0a )) b $(( $(transitions "$impl" "b-$impl") - t0b ))"
  done
  wait "$stress" 2>/dev/null || true
  end_load=$(vkb_load)
  sleep 2  # let the state files catch up
  t1a=$(transitions "$impl" "a-$impl"); t1b=$(transitions "$impl" "b-$impl")
  kill -INT "$cap"; wait "$cap" 2>/dev/null || true
  vkb_stop "$pa" "$pb"
  ip -n "$A" addr del "$VIP/16" dev eth0 2>/dev/null || true
  ip -n "$B" addr del "$VIP/16" dev eth0 2>/dev/null || true
  # wire: adverts from b, gaps between a's adverts
  tshark -r "$pcap" -T fields -E separator=, -e frame.time_epoch -e ip.src -Y vrrp 2>/dev/null |
    awk -F, -v aip="$A_IP" -v bip="$B_IP" '
      $2 == bip { fromb++ }
      $2 == aip { if (last != "") { g = ($1 - last) * 1000; if (g > max) max = g; if (g > 150) late++; n++ } last = $1 }
      END { printf "%d %d %.1f %d\n", n + 1, fromb + 0, max, late + 0 }' > "$VKB_WORK/$impl.wire"
  read -r adverts fromb maxgap late < "$VKB_WORK/$impl.wire"
  echo "$impl $MINUTES $((t1a - t0a)) $((t1b - t0b)) $adverts $fromb $maxgap $late $start_load / $end_load" >> "$SUMMARY"
}

for impl in "${IMPLS[@]}"; do
  soak "$impl" || echo "$impl $MINUTES FAILED" >> "$SUMMARY"
done

echo
echo "== summary (false transitions counted after steady state; target 0; gaps in ms between the MASTER's adverts"
echo "   on the wire, the BACKUP declares it dead after 360.9 ms)"
printf '%-10s %7s %13s %13s %10s %12s %11s %11s  %s\n' impl minutes "false tr. a" "false tr. b" "a adverts" "b adverts" "max gap" "gaps>150" "load (start / end)"
awk '$3 == "FAILED" { printf "%-10s %7s FAILED\n", $1, $2; next }
  { printf "%-10s %7s %13s %13s %10s %12s %11s %11s  %s %s %s / %s %s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $13, $14, $15 }' "$SUMMARY"
