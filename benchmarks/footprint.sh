#!/usr/bin/env bash
# Footprint benchmark: RSS and CPU of one agent running 100 VRRP instances at 1 s adverts.
#
#   benchmarks/footprint.sh [role]          role: master (default) or backup; as root
#   FOOTPRINT_VARIANTS=... benchmarks/footprint.sh   which runs (default: "keepalived vipkeeper vipkeeper-lean")
#
# The measured host has 100 instances (VRIDs 1..100, one VIP each, 10.198.1.N/16, VRRPv3, 1 s adverts) on one
# interface. role=master: it is alone on the LAN and becomes MASTER of all 100 (sends 100 adverts/s, receives
# none). role=backup: a peer of the same implementation at priority 200 is MASTER of all 100 and the measured
# host (priority 100) is BACKUP of all (receives 100 adverts/s, sends none).
# After all instances reached their state, a 30 s warm-up, then a 60 s window: CPU = (utime+stime) from
# /proc/PID/stat over the window, as % of one core; RSS = VmRSS from /proc/PID/status at the end of the window
# (and the largest of samples every 5 s). keepalived: the parent and its VRRP child, summed (-P: no checker).
# Variants:
#   keepalived      Debian's /usr/sbin/keepalived
#   vipkeeper       node-agent/vipkeeper-agent as shipped (the launcher's JVM options)
#   vipkeeper-lean  the same plus $LEAN_OPTS and MALLOC_ARENA_MAX=2 (see below)
# Printed, never asserted.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ROLE=${1:-master}
VARIANTS=(${FOOTPRINT_VARIANTS:-keepalived vipkeeper vipkeeper-lean})
WARMUP=${FOOTPRINT_WARMUP:-30}
WINDOW=${FOOTPRINT_WINDOW:-60}
N=${FOOTPRINT_INSTANCES:-100}
LEAN_OPTS=${LEAN_OPTS:--Xms8m -Xmx16m -XX:MaxMetaspaceSize=40m -XX:ReservedCodeCacheSize=12m -XX:CICompilerCount=1 -XX:-UsePerfData -XX:+UseCompactObjectHeaders -Xshare:off}
case "$ROLE" in master|backup) ;; *) echo "role: master or backup" >&2; exit 2 ;; esac
vkb_require_root
vkb_require ip setsid
for v in "${VARIANTS[@]}"; do
  case "$v" in
    vipkeeper|vipkeeper-lean) vkb_build_agent ;;
    keepalived) vkb_require /usr/sbin/keepalived ;;
    *) echo "unknown variant $v" >&2; exit 2 ;;
  esac
done
vkb_lan $([ "$ROLE" = backup ] && echo 2 || echo 1)
H="${VKB_HOSTS[0]}"
PEER="${VKB_HOSTS[1]:-}"
HZ=$(getconf CLK_TCK)
RESULTS="$VKB_WORK/results.txt"
: > "$RESULTS"
pairs=()
for i in $(seq 1 "$N"); do pairs+=("$i" "10.198.$(( 1 + i / 250 )).$(( i % 250 + 1 ))"); done
echo "== footprint: $N instances at 1 s adverts, measured host = $ROLE of all$([ "$ROLE" = backup ] && echo " (a MASTER peer of the same implementation at priority 200)" || echo " (alone on the LAN)")"
echo "   ${WARMUP} s warm-up, ${WINDOW} s window; $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average $(vkb_load), $(nproc) cores"

pids_of() { # session id: every process of that session
  ps -e -o pid=,sid= | awk -v s="$1" '$2 == s {print $1}'
}
cpu_ticks() { # pid...: utime + stime summed
  local p t=0
  for p in "$@"; do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
  echo "$t"
}
rss_kib() { # pid...: VmRSS summed, KiB
  local p t=0
  for p in "$@"; do t=$(( t + $(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0) )); done
  echo "$t"
}
count_state() { # impl name state
  if [ "$1" = keepalived ]; then
    grep -a "Entering $3 STATE" "$VKB_WORK/$2.log" 2>/dev/null | sed -n 's/.*(VI_\([0-9]*\)).*/\1/p' | sort -u | wc -l
  else
    local c
    c=$(grep -c "\"state\" : \"$3\"" "$VKB_WORK/$2.json" 2>/dev/null || true)
    echo "${c:-0}"
  fi
}

measure() { # variant
  local v=$1 impl pid peer="" want procs t0 t1 rss maxrss=0 r ja="" s
  impl=${v%%-*}
  want=$([ "$ROLE" = master ] && echo MASTER || echo BACKUP)
  if [ "$impl" = keepalived ]; then
    vkb_keepalived_conf "$VKB_WORK/m-$v.conf" m 100 1 BACKUP "${pairs[@]}"
    if [ -n "$PEER" ]; then
      vkb_keepalived_conf "$VKB_WORK/p-$v.conf" p 200 1 MASTER "${pairs[@]}"
      vkb_start_keepalived "$PEER" "p-$v"; peer=$VKB_PID
      sleep 2
    fi
    vkb_start_keepalived "$H" "m-$v"; pid=$VKB_PID
  else
    vkb_vipkeeper_conf "$VKB_WORK/m-$v.yaml" 100 1s "$([ "$ROLE" = backup ] && echo true || echo false)" "${pairs[@]}"
    if [ -n "$PEER" ]; then
      vkb_vipkeeper_conf "$VKB_WORK/p-$v.yaml" 200 1s false "${pairs[@]}"
      vkb_start_vipkeeper "$PEER" "p-$v"; peer=$VKB_PID
      vkb_wait 60 eval '[ "$(count_state vipkeeper p-$v MASTER)" -eq '"$N"' ]' || echo "   the peer is not MASTER of all" >&2
    fi
    if [ "$v" = vipkeeper-lean ]; then
      MALLOC_ARENA_MAX=2 VIPKEEPER_JAVA_OPTS="$LEAN_OPTS" vkb_start_vipkeeper "$H" "m-$v"; pid=$VKB_PID
    else
      vkb_start_vipkeeper "$H" "m-$v"; pid=$VKB_PID
    fi
  fi
  if ! vkb_wait 60 eval '[ "$(count_state '"$impl"' m-$v '"$want"')" -ge '"$N"' ]'; then
    echo "   $v: only $(count_state "$impl" "m-$v" "$want") of $N instances $want after 60 s" >&2
  fi
  sleep "$WARMUP"
  procs=$(pids_of "$pid")
  t0=$(cpu_ticks $procs)
  s=0
  while [ "$s" -lt "$WINDOW" ]; do
    sleep 5; s=$((s + 5))
    r=$(rss_kib $procs); [ "$r" -gt "$maxrss" ] && maxrss=$r
  done
  t1=$(cpu_ticks $procs)
  rss=$(rss_kib $procs)
  local ok
  ok=$(count_state "$impl" "m-$v" "$want")
  [ "$impl" = vipkeeper ] && ja=$(tr '\0' ' ' < "/proc/$pid/cmdline" | sed 's/.*bin\/java //; s/ -jar .*//')
  echo "$v $(( $(echo $procs | wc -w) )) $rss $maxrss $((t1 - t0)) $ok $(vkb_load | tr ' ' '/') $ja" >> "$RESULTS"
  tail -1 "$RESULTS" | awk -v hz="$HZ" -v w="$WINDOW" -v want="$want" '{
    printf "   %-15s RSS %6.1f MiB (max %6.1f)   CPU %5.2f %% of a core   %s/%s %s   load %s\n",
      $1, $3 / 1024, $4 / 1024, $5 / hz / w * 100, $6, "'"$N"'", want, $7 }'
  [ -n "$ja" ] && echo "      JVM options: $ja" || true
  vkb_stop "$pid" $peer
  sleep 1
}

for v in "${VARIANTS[@]}"; do
  measure "$v" || echo "$v FAILED" >> "$RESULTS"
done

echo
echo "== summary: $N instances, 1 s adverts, measured host $ROLE; RSS = VmRSS (MiB) at the end of the ${WINDOW} s window; CPU = utime+stime over it"
printf '%-15s %9s %10s %11s %15s %12s  %s\n' variant processes "RSS MiB" "max RSS" "CPU % of core" "in state" "load"
awk -v hz="$HZ" -v w="$WINDOW" -v n="$N" '$2 == "FAILED" { printf "%-15s FAILED\n", $1; next }
  { printf "%-15s %9d %10.1f %11.1f %15.2f %12s  %s\n", $1, $2, $3 / 1024, $4 / 1024, $5 / hz / w * 100, $6 "/" n, $7 }' "$RESULTS"
echo "targets (DESIGN.md §7): <= 64 MiB RSS and < 1% of a core"
echo "vipkeeper-lean adds: $LEAN_OPTS, MALLOC_ARENA_MAX=2"
