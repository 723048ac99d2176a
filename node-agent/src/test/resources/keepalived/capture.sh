#!/usr/bin/env bash
# Captures real VRRP advertisements (and the gratuitous ARPs / unsolicited NAs) from Debian's keepalived into
# the golden-vector fixtures next to this script. Runs as root; everything happens inside network namespaces
# named vkc-<random>-*, which are deleted on exit (trap), together with the keepalived and tshark processes.
#
#   sudo node-agent/src/test/resources/keepalived/capture.sh [output-dir]
#
# Topology: one bridge namespace (br0) and three host namespaces h1..h3, each with eth0 on the bridge,
# 10.199.0.N/24 and fd00:199::N/64, fixed MACs 02:00:00:00:00:0N (so link-local addresses are stable).
# Each VRRP instance is configured on one host only with `state MASTER`, so it advertises at once; stopping
# keepalived with SIGTERM makes it send the priority-0 adverts of RFC 9568 §6.4.3 (660-665) as well.
# The scenario table (VRIDs, priorities, addresses) lives in capture_fixtures.py, which renders the keepalived
# configs and turns the capture into one JSON file per fixture.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${1:-$HERE}"
KEEPALIVED=/usr/sbin/keepalived
RND="$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
BR="vkc-$RND-br"
HOSTS=("vkc-$RND-h1" "vkc-$RND-h2" "vkc-$RND-h3")
WORK="$(mktemp -d /tmp/vkc-capture.XXXXXX)"
PIDS=()

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 0.5
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  for ns in "${HOSTS[@]}" "$BR"; do ip netns del "$ns" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }

ip netns add "$BR"
ip -n "$BR" link add br0 type bridge mcast_snooping 0
ip -n "$BR" link set br0 up
for i in 1 2 3; do
  h="${HOSTS[$((i-1))]}"
  ip netns add "$h"
  ip netns exec "$h" sysctl -qw net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_dad=0
  ip -n "$h" link add eth0 type veth peer name p$i netns "$BR"
  ip -n "$h" link set eth0 address 02:00:00:00:00:0$i
  ip -n "$h" link set lo up
  ip -n "$h" addr add 10.199.0.$i/24 dev eth0
  ip -n "$h" addr add fd00:199::$i/64 dev eth0 nodad
  ip -n "$h" link set eth0 up
  ip -n "$BR" link set p$i master br0
  ip -n "$BR" link set p$i up
done
sleep 1  # link-local addresses come up

python3 "$HERE/capture_fixtures.py" configs "$WORK"

ip netns exec "$BR" tshark -q -i p1 -i p2 -i p3 -w "$WORK/capture.pcapng" \
  -f "ip proto 112 or ip6 proto 112 or arp or icmp6" >"$WORK/tshark.log" 2>&1 &
PIDS+=($!)
TSHARK=$!
sleep 2

KPIDS=()
for i in 1 2 3; do
  h="${HOSTS[$((i-1))]}"
  ip netns exec "$h" "$KEEPALIVED" -n -l -D -P -f "$WORK/h$i.conf" -p "$WORK/h$i.pid" -r "$WORK/h$i.vrrp.pid" \
    -c "$WORK/h$i.checker.pid" >"$WORK/h$i.log" 2>&1 &
  PIDS+=($!)
  KPIDS+=($!)
done
sleep 8
for pid in "${KPIDS[@]}"; do kill -TERM "$pid"; done
for pid in "${KPIDS[@]}"; do wait "$pid" || true; done
sleep 1
kill -INT "$TSHARK"; wait "$TSHARK" || true
# several interfaces make a pcapng; all are Ethernet, so a plain pcap holds them
editcap -F pcap "$WORK/capture.pcapng" "$WORK/capture.pcap"

python3 "$HERE/capture_fixtures.py" extract "$WORK/capture.pcap" "$OUT" "$($KEEPALIVED --version 2>&1 | head -1)"
cp "$WORK/capture.pcap" "$OUT/capture.pcap"
for i in 1 2 3; do cp "$WORK/h$i.conf" "$OUT/h$i.conf"; done
grep -h -i -E 'unknown|error|warning' "$WORK"/h*.log || true
