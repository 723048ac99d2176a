#!/usr/bin/env bash
# vipkeeper demo: two standalone agents elect a MASTER over VRRP in network namespaces this script creates,
# then the MASTER is killed (kill -9) and the BACKUP takes over the VIP. Needs root (network namespaces).
# It never touches the host's own interfaces: everything lives in namespaces named vkdemo-<pid>-*, deleted
# at exit. Addresses: 10.231.0.0/24 exists only inside them.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "the demo creates network namespaces: run it as root (sudo $0)" >&2
  exit 2
fi
for tool in ip; do command -v "$tool" >/dev/null || { echo "needs '$tool' (apt-get install iproute2)" >&2; exit 2; }; done
if [ -z "${JAVA_HOME:-}" ]; then
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-*; do
    [ -x "$d/bin/java" ] && { export JAVA_HOME="$d"; break; }
  done
fi
echo "== building the agent (./mvnw -q -pl node-agent -am package -DskipTests)"
./mvnw -B -q -pl node-agent -am package -DskipTests

tag="vkdemo-$$"
br="$tag-br"; a="$tag-a"; b="$tag-b"
work="$(mktemp -d /tmp/vkdemo.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for ns in "$a" "$b" "$br"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
[ -n "${VKDEMO_KEEP:-}" ] && trap "cat $work/*.log; cleanup" EXIT

echo "== building a LAN: bridge namespace $br, hosts $a (10.231.0.1) and $b (10.231.0.2)"
ip netns add "$br"; ip netns add "$a"; ip netns add "$b"
ip -n "$br" link add br0 type bridge
ip -n "$br" link set br0 up
i=1
for ns in "$a" "$b"; do
  ip link add "vkd$$-$i" type veth peer name eth0 netns "$ns"
  ip link set "vkd$$-$i" netns "$br"
  ip -n "$br" link set "vkd$$-$i" master br0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "10.231.0.$i/24" dev eth0
  ip -n "$ns" link set eth0 up
  i=$((i + 1))
done

for host in a b; do
  prio=$([ "$host" = a ] && echo 150 || echo 100)
  cat > "$work/$host.yaml" <<YAML
instances:
  - name: VI_1
    interface: eth0
    virtualRouterId: 51
    priority: $prio
    version: 3
    advertisementInterval: 100ms
    addresses: [10.231.0.100/24]
YAML
done

start_agent() { # host ns
  VIPKEEPER_LOG_LEVEL=${VIPKEEPER_LOG_LEVEL:-INFO} ip netns exec "$2" node-agent/vipkeeper-agent --config "$work/$1.yaml" --state-file "$work/$1.json" \
    --node-name "$1" >> "$work/$1.log" 2>&1 &
  pids+=($!)
}
killed=""
state_of() { # host
  if [ "$1" = "$killed" ]; then echo "(killed)"; return; fi
  sed -n 's/.*"state" : "\([A-Z]*\)".*/\1/p' "$work/$1.json" 2>/dev/null | head -1
}
holder() {
  for host in a b; do
    ns=$([ "$host" = a ] && echo "$a" || echo "$b")
    if ip -n "$ns" -o addr show dev eth0 | grep -q "10.231.0.100/"; then echo "$host"; fi
  done
}
alive() { # pid host
  if ! kill -0 "$1" 2>/dev/null; then
    echo "== agent on host $2 exited; its log:" >&2
    cat "$work/$2.log" >&2
    exit 1
  fi
}
show() {
  printf '   host a: %-7s  host b: %-7s  VIP 10.231.0.100 on: %s\n' "$(state_of a)" "$(state_of b)" "$(holder | tr '\n' ' ')"
}

echo "== starting two agents: a at priority 150, b at priority 100 (VRRPv3, 100 ms adverts)"
start_agent a "$a"; pid_a=${pids[-1]}
start_agent b "$b"; pid_b=${pids[-1]}
sleep 1; alive "$pid_a" a; alive "$pid_b" b
for _ in $(seq 1 100); do [ "$(state_of a)" = MASTER ] && [ "$(state_of b)" = BACKUP ] && break; sleep 0.1; done
show
echo "== kill -9 the MASTER (host a)"
kill -9 "$pid_a"
killed=a
t0=$(date +%s%N)
for _ in $(seq 1 100); do holder | grep -q b && break; sleep 0.02; done
t1=$(date +%s%N)
for _ in $(seq 1 50); do [ "$(state_of b)" = MASTER ] && break; sleep 0.1; done
show
echo "   b took over the VIP $(( (t1 - t0) / 1000000 )) ms after the kill (protocol bound: 3 x 100 ms + skew 61 ms after a's last advert)"
echo "   (a's kernel keeps the address after kill -9, as with keepalived; b's gratuitous ARPs move the traffic to b)"
echo "== restart host a: it removes the stale address, then preempts (higher priority) and takes the VIP back"
killed=""
start_agent a "$a"
for _ in $(seq 1 100); do [ "$(state_of a)" = MASTER ] && [ "$(state_of b)" = BACKUP ] && break; sleep 0.1; done
show
echo "== agent logs"
sed 's/^/   a| /' "$work/a.log" | grep -E "started|->" || true
sed 's/^/   b| /' "$work/b.log" | grep -E "started|->" || true
[ "$(state_of a)" = MASTER ] && [ "$(holder)" = a ] && echo "== demo passed: failover and preemption worked" || { echo "== demo FAILED"; exit 1; }
