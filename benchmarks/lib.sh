# Shared helpers of the benchmark scripts (sourced, not run). Everything happens inside network namespaces
# that the calling script creates, named vkb-<pid>-*, with addresses in 10.198.0.0/16 that exist only there.
# The host's own interfaces are never touched.

VKB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VKB_TAG="vkb-$$"
VKB_BR="$VKB_TAG-br"
VKB_WORK=""
VKB_PIDS=()
VKB_HOSTS=()

vkb_require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "$(basename "$0"): creates network namespaces; run it as root" >&2
    exit 2
  fi
}

vkb_require() { # tool...
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null || { echo "$(basename "$0"): needs '$t'" >&2; exit 2; }
  done
}

vkb_java_home() {
  if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"2[5-9]'; then
    local d
    for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-*; do
      [ -x "$d/bin/java" ] && { export JAVA_HOME="$d"; return; }
    done
    echo "$(basename "$0"): Java 25 not found; set JAVA_HOME" >&2
    exit 2
  fi
}

# Builds the agent jar unless it exists (VKB_REBUILD=1 forces a build).
vkb_build_agent() {
  vkb_java_home
  local jar="$VKB_ROOT/node-agent/target/vipkeeper-agent.jar"
  if [ ! -f "$jar" ] || [ -n "${VKB_REBUILD:-}" ]; then
    echo "== building the agent (./mvnw -B -q -pl node-agent -am package -DskipTests)" >&2
    (cd "$VKB_ROOT" && ./mvnw -B -q -pl node-agent -am package -DskipTests) >&2
  fi
}

vkb_cleanup() {
  local p ns
  for p in "${VKB_PIDS[@]}"; do
    kill -9 -- "-$p" 2>/dev/null || kill -9 "$p" 2>/dev/null || true
  done
  for ns in "${VKB_HOSTS[@]}" "$VKB_BR"; do
    ip netns del "$ns" 2>/dev/null || true
  done
  if [ -n "$VKB_WORK" ] && [ -z "${VKB_KEEP:-}" ]; then
    rm -rf "$VKB_WORK"
  elif [ -n "$VKB_WORK" ]; then
    echo "(kept the work directory $VKB_WORK)" >&2
  fi
}

# vkb_lan N: a bridge namespace and N host namespaces $VKB_TAG-h1..hN, each with eth0 = 10.198.0.<i>/16 on
# the bridge. Sets VKB_HOSTS and VKB_WORK; installs the cleanup trap.
vkb_lan() {
  local n=$1 i ns port
  VKB_WORK="$(mktemp -d /tmp/vkb.XXXXXX)"
  trap vkb_cleanup EXIT
  trap 'exit 130' INT TERM
  ip netns add "$VKB_BR"
  ip -n "$VKB_BR" link add br0 type bridge
  ip -n "$VKB_BR" link set br0 up
  ip -n "$VKB_BR" link set lo up
  for i in $(seq 1 "$n"); do
    ns="$VKB_TAG-h$i"
    VKB_HOSTS+=("$ns")
    ip netns add "$ns"
    port="vkb$$p$i"
    ip link add "$port" type veth peer name eth0 netns "$ns"
    ip link set "$port" netns "$VKB_BR"
    ip -n "$VKB_BR" link set "$port" master br0 up
    ip -n "$ns" link set lo up
    ip -n "$ns" addr add "10.198.0.$i/16" dev eth0
    ip -n "$ns" link set eth0 up
  done
}

vkb_mac() { # ns
  ip -n "$1" -o link show dev eth0 | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p'
}

vkb_has_addr() { # ns address
  ip -n "$1" -o addr show dev eth0 | grep -q " $2/"
}

# Starts a process in a namespace in its own session (so kill -9 -- -PID kills all of it at once, children
# included, before any of them can react to its parent's death). Sets VKB_PID (not in a $(...) subshell:
# the cleanup must know every PID).
vkb_spawn() { # ns logfile command...
  local ns=$1 log=$2
  shift 2
  setsid ip netns exec "$ns" "$@" >>"$log" 2>&1 < /dev/null &
  VKB_PID=$!
  disown "$VKB_PID"  # no "Killed" line from bash when we kill it
  VKB_PIDS+=("$VKB_PID")
}

vkb_kill() { # signal pid...: the whole session of each PID
  local sig=$1 p
  shift
  for p in "$@"; do
    [ -n "$p" ] && { kill "-$sig" -- "-$p" 2>/dev/null || kill "-$sig" "$p" 2>/dev/null || true; }
  done
}

vkb_stop() { # pid...: SIGTERM, then SIGKILL after 5 s
  local p
  vkb_kill TERM "$@"
  for p in "$@"; do
    vkb_wait 5 eval '! kill -0 '"$p"' 2>/dev/null' || vkb_kill KILL "$p"
  done
}

# --- vipkeeper ---------------------------------------------------------------------------------------------

# vkb_vipkeeper_conf file priority interval startAsBackup [vrid vip]...  (one instance per vrid/vip pair)
vkb_vipkeeper_conf() {
  local file=$1 prio=$2 interval=$3 backup=$4
  shift 4
  echo "instances:" > "$file"
  while [ $# -ge 2 ]; do
    cat >> "$file" <<YAML
  - name: VI_$1
    interface: eth0
    virtualRouterId: $1
    priority: $prio
    version: 3
    advertisementInterval: $interval
    startAsBackup: $backup
    addresses: [$2/16]
YAML
    shift 2
  done
}

vkb_start_vipkeeper() { # ns name  (config $VKB_WORK/name.yaml, state $VKB_WORK/name.json, log name.log); sets VKB_PID
  VIPKEEPER_LOG_LEVEL=${VIPKEEPER_LOG_LEVEL:-INFO} vkb_spawn "$1" "$VKB_WORK/$2.log" \
    "$VKB_ROOT/node-agent/vipkeeper-agent" --config "$VKB_WORK/$2.yaml" --state-file "$VKB_WORK/$2.json" \
    --node-name "$2"
}

vkb_vipkeeper_state() { # name [instance-index]: state of the first (or n-th) instance in the state file
  sed -n 's/.*"state" : "\([A-Z]*\)".*/\1/p' "$VKB_WORK/$1.json" 2>/dev/null | sed -n "${2:-1}p"
}

vkb_vipkeeper_transitions() { # name: sum of the transitions counters in the state file
  sed -n 's/.*"transitions" : \([0-9]*\).*/\1/p' "$VKB_WORK/$1.json" 2>/dev/null | awk '{s+=$1} END {print s+0}'
}

# --- keepalived --------------------------------------------------------------------------------------------

# vkb_keepalived_conf file name priority interval-seconds state [vrid vip]...
vkb_keepalived_conf() {
  local file=$1 name=$2 prio=$3 interval=$4 state=$5
  shift 5
  cat > "$file" <<CONF
global_defs {
  router_id $name
  vrrp_version 3
  script_user root
  enable_script_security
  vrrp_garp_master_repeat 5
  vrrp_garp_master_delay 5
}
CONF
  while [ $# -ge 2 ]; do
    cat >> "$file" <<CONF
vrrp_instance VI_$1 {
  state $state
  interface eth0
  virtual_router_id $1
  priority $prio
  advert_int $interval
  virtual_ipaddress {
    $2/16
  }
}
CONF
    shift 2
  done
}

vkb_start_keepalived() { # ns name (config $VKB_WORK/name.conf, log name.log); sets VKB_PID
  local w="$VKB_WORK"
  vkb_spawn "$1" "$w/$2.log" /usr/sbin/keepalived -n -l -D -G -P -f "$w/$2.conf" \
    -p "$w/$2.pid" -r "$w/$2-vrrp.pid" -c "$w/$2-check.pid"
}

# keepalived's last "Entering X STATE" of instance VI_<vrid> in its log (MASTER, BACKUP, FAULT), or nothing
vkb_keepalived_state() { # name vrid
  grep -a "(VI_$2) Entering" "$VKB_WORK/$1.log" 2>/dev/null | tail -1 | sed -n 's/.*Entering \([A-Z]*\) STATE.*/\1/p'
}

vkb_keepalived_transitions() { # name: how many "Entering ... STATE" lines its log holds
  grep -ac "Entering [A-Z]* STATE" "$VKB_WORK/$1.log" 2>/dev/null || true
}

# --- measurement helpers -----------------------------------------------------------------------------------

vkb_wait() { # timeout-seconds command...: polls every 50 ms until the command succeeds; 1 on timeout
  local deadline=$(( $(date +%s%N) + $1 * 1000000000 ))
  shift
  until "$@"; do
    [ "$(date +%s%N)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

vkb_load() { awk '{print $1" "$2" "$3}' /proc/loadavg; }

# median and max of the numbers on stdin (one a line): prints "median max count"
vkb_stats() {
  sort -g | awk '{v[NR]=$1} END {
    if (NR == 0) { print "- - 0"; exit }
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    printf "%.1f %.1f %d\n", m, v[NR], NR }'
}
