#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the Slurm end-to-end test (tests/e2e/slurm.test.ts)
# and for trying examples/slurm/ by hand: Debian's slurm-wlm and munge, configured in a private
# state folder, bound to 127.0.0.1 only, with no systemd, no cgroups and no file under /etc.
#
#   scripts/slurm/cluster.sh start    # quiet when fine; does nothing if the cluster already runs
#   scripts/slurm/cluster.sh stop     # cancels its jobs, stops its daemons; nothing left running
#   scripts/slurm/cluster.sh status   # "running" (status 0), "stopped" (3), or what is wrong (1)
#   scripts/slurm/cluster.sh env      # prints `export SLURM_CONF=...` for sbatch, squeue, ...
#
# The state folder is $CORPUS_SLURM_DIR, by default ${TMPDIR:-/tmp}/corpus-slurm; the controller
# listens on port $CORPUS_SLURM_PORT (default 6817) and slurmd on the next one. Slurm's client
# commands find the cluster through SLURM_CONF=<state folder>/slurm.conf. Needs root (slurmd starts
# jobs as their user) and `apt-get install slurm-wlm munge`.
#
# Binding to loopback only: Slurm cannot be given a listen address. By default its daemons listen
# on every interface; with CommunicationParameters=NoCtldInAddrAny,NoInAddrAny they bind to the
# address the machine's host name resolves to. So the script picks, in this order
# ($CORPUS_SLURM_BIND forces one):
#   hostname  the host name resolves to a loopback address (127.x): bind there;
#   uts       else, in a UTS namespace (unshare --uts, needs CAP_SYS_ADMIN) the daemons see the
#             host name "localhost", which resolves to 127.0.0.1: bind there;
#   any       else (an unprivileged container, whose host name is its network address): every
#             interface. Every message is still authenticated with this cluster's munge key, so
#             nothing from elsewhere is accepted; `status` says which was used.
set -euo pipefail

dir=${CORPUS_SLURM_DIR:-${TMPDIR:-/tmp}/corpus-slurm}
port=${CORPUS_SLURM_PORT:-6817}
conf=$dir/slurm.conf
export SLURM_CONF=$conf
# Every daemon gets this variable in its environment, and slurmd hands it on to the slurmstepd
# it starts for each job: `stop` finds a job step that outlived its slurmd by it, and never
# touches a process of another cluster. (Not CORPUS_SLURM_DIR, which the caller may have set.)
marker="CORPUS_SLURM_CLUSTER=$dir"

die() {
  echo "cluster.sh: $*" >&2
  exit 1
}

# The pid in pid file $1 when that process is alive and runs program $2, else nothing.
live_pid() {
  local pid
  [ -s "$1" ] || return 0
  pid=$(tr -dc 0-9 <"$1")
  [ -n "$pid" ] && alive "$pid" || return 0
  # A pid file left by a crash may name a pid the kernel gave to another program since.
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && echo "$pid"
  return 0
}

munged_pid() { live_pid "$dir/munge/munged.pid" munged; }
slurmctld_pid() { live_pid "$dir/slurmctld.pid" slurmctld; }
slurmd_pid() { live_pid "$dir/slurmd.pid" slurmd; }

# The node's state as sinfo sees it (idle, mix, alloc, down*, ...), or nothing.
node_state() {
  timeout 5 sinfo --noheader --nodes=localhost --format=%t 2>/dev/null | head -n 1 || true
}

# Whether process $1 runs (a zombie does not: a container's pid 1 may never reap it).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# Processes carrying our marker in their environment (slurmstepd), and all their descendants
# (a job's processes, which have the job's environment instead). Read from /proc: a minimal
# container has no ps.
marked_pids() {
  local environ pid stat found=' '
  for environ in /proc/[0-9]*/environ; do
    pid=${environ#/proc/}
    pid=${pid%/environ}
    if tr '\0' '\n' 2>/dev/null <"$environ" | grep -qxF "$marker"; then found="$found$pid "; fi
  done
  [ "$found" != ' ' ] || return 0
  # Children are added until no process has a parent in the set (ppid: field 2 after the name).
  local before=
  while [ "$before" != "$found" ]; do
    before=$found
    for stat in /proc/[0-9]*/stat; do
      pid=${stat#/proc/}
      pid=${pid%/stat}
      read -r stat 2>/dev/null <"$stat" || continue
      stat=${stat##*) }
      stat=${stat#* }
      case $found in *" ${stat%% *} "*) case $found in *" $pid "*) ;; *) found="$found$pid " ;; esac ;; esac
    done
  done
  for pid in $found; do alive "$pid" && echo "$pid"; done
  return 0
}

# Sends TERM to the given pids, waits up to 10 s, then sends KILL to the ones still alive.
end_pids() {
  local pid tries=0
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  while [ $tries -lt 100 ]; do
    for pid in "$@"; do alive "$pid" && break; done
    alive "$pid" || return 0
    sleep 0.1
    tries=$((tries + 1))
  done
  kill -KILL "$@" 2>/dev/null || true
}

# Sets `bind` (hostname, uts or any, see the top of the file) and `addr`, the address the
# daemons are reached at.
choose_bind() {
  local resolved
  resolved=$(getent ahostsv4 "$(hostname)" 2>/dev/null | awk 'NR == 1 { print $1 }' || true)
  bind=${CORPUS_SLURM_BIND:-}
  if [ -z "$bind" ]; then
    case $resolved in
      127.*) bind=hostname ;;
      *) if unshare --uts true 2>/dev/null; then bind=uts; else bind=any; fi ;;
    esac
  fi
  case $bind in
    hostname) addr=${resolved:-127.0.0.1} ;;
    uts | any) addr=127.0.0.1 ;;
    *) die "CORPUS_SLURM_BIND must be hostname, uts or any, not '$bind'" ;;
  esac
}

# Runs a daemon (it forks into the background itself) with our marker, in a UTS namespace whose
# host name is localhost when binding that way.
daemon() {
  if [ "$bind" = uts ]; then
    env "$marker" unshare --uts sh -c 'hostname localhost && exec "$@"' sh "$@"
  else
    env "$marker" "$@"
  fi
}

write_config() {
  local cpus mem comm=
  # Bind to the address below instead of every interface (see choose_bind).
  [ "$bind" = any ] || comm="CommunicationParameters=NoCtldInAddrAny,NoInAddrAny"
  cpus=$(nproc)
  # Memory as the node has it (MiB), so that a job's `#SBATCH --mem` is checked against something
  # real; Slurm's default, 1 MiB, would refuse every job that asks for memory.
  mem=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
  # Each setting that is not Slurm's default says why on the line above it.
  cat >"$conf" <<EOF
# Written by scripts/slurm/cluster.sh for a one-node test cluster; rewritten at each start.
ClusterName=corpus
# The controller and the node are this machine, by a loopback address only (binding: $bind).
SlurmctldHost=localhost($addr)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
$comm
# munge, with a key of this cluster's own, through a socket in the state folder.
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
# Root runs the daemons (a container has no slurm user to switch to, and needs none).
SlurmUser=root
SlurmdUser=root
# Every file Slurm writes lives in the state folder, none under /var or /run.
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
# A container has neither systemd nor a writable cgroup tree: track a job's processes through
# /proc and bind no CPUs (the defaults, proctrack/cgroup and task/affinity+cgroup, need both).
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# Jobs share the node by CPU (not whole nodes), so the shards of an array job run side by side.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# A job whose dependency failed is cancelled, instead of waiting forever for a phase that
# will not come (the summary's later phases depend on the earlier ones with afterok).
DependencyParameters=kill_invalid_depend
# The node as configured below wins over what slurmd detects (a container's nproc can be less
# than the machine's cores), instead of draining the node for the difference.
SlurmdParameters=config_overrides
# A node that comes back (slurmd restarted) is usable again without an administrator.
ReturnToService=2
# Debian has no mail program by default; Slurm logs an error at every start without one.
MailProg=/bin/true
NodeName=localhost NodeAddr=$addr NodeHostname=localhost CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
}

start_munge() {
  local m=$dir/munge
  # munged refuses a socket in a folder that others cannot enter, and a key others can read.
  mkdir -p "$m"
  chmod 755 "$dir" "$m"
  # A Unix socket's path holds at most 107 bytes.
  [ ${#m} -le 90 ] || die "the state folder's path is too long for munge's socket: $dir (CORPUS_SLURM_DIR sets another)"
  local up=$dir
  while [ "$up" != / ] && [ -n "$up" ]; do
    up=$(dirname "$up")
    [ "$(($(stat -c '%#a' "$up") & 1))" -eq 1 ] ||
      die "munged needs every folder above its socket open to all (chmod o+x $up), or another CORPUS_SLURM_DIR"
  done
  if [ ! -s "$m/munge.key" ]; then
    (umask 077 && dd if=/dev/urandom of="$m/munge.key" bs=1024 count=1 status=none)
  fi
  chmod 600 "$m/munge.key"
  # The origin stated, not looked up: a container's host name may not resolve.
  env "$marker" munged --origin=127.0.0.1 --key-file="$m/munge.key" --socket="$m/munge.socket" --pid-file="$m/munged.pid" \
    --log-file="$m/munged.log" --seed-file="$m/munged.seed" ||
    die "munged did not start; see $m/munged.log"
  munge --socket="$m/munge.socket" --no-input | unmunge --socket="$m/munge.socket" >/dev/null ||
    die "munge does not answer on $m/munge.socket; see $m/munged.log"
}

start() {
  local cmd state
  for cmd in munged munge unmunge slurmctld slurmd sinfo sbatch; do
    command -v "$cmd" >/dev/null 2>&1 || die "$cmd not found: install Debian's slurm-wlm and munge (apt-get install slurm-wlm munge)"
  done
  [ "$(id -u)" -eq 0 ] || die "start needs root (slurmd starts each job as the user who submitted it)"

  if [ -n "$(munged_pid)" ] && [ -n "$(slurmctld_pid)" ] && [ -n "$(slurmd_pid)" ]; then
    case $(node_state) in idle | mix | alloc | comp) return 0 ;; esac
  fi
  # Half a cluster (a daemon died, or a previous start failed): start again from nothing.
  stop
  local p
  for p in "$port" $((port + 1)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      die "port $p is taken (another Slurm?); CORPUS_SLURM_PORT=<port> makes the cluster use that port and the next"
    fi
  done
  rm -rf "$dir/state" "$dir/spool" "$dir/log"
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  choose_bind
  echo "$bind" >"$dir/bind"
  write_config
  start_munge
  daemon slurmctld -f "$conf" || die "slurmctld did not start; see $dir/log/slurmctld.log"
  daemon slurmd -f "$conf" -N localhost || die "slurmd did not start; see $dir/log/slurmd.log"

  # The node registers with the controller within a second or two; allow 30 s for a loaded
  # machine, and give up at once when a daemon has died (its log says why).
  local deadline=$((SECONDS + 30))
  while :; do
    state=$(node_state)
    case $state in idle | mix | alloc) return 0 ;; esac
    if [ -z "$(slurmctld_pid)" ] || [ -z "$(slurmd_pid)" ] || [ $SECONDS -ge $deadline ]; then
      echo "cluster.sh: the node is not up (sinfo says: ${state:-nothing}); the logs end with:" >&2
      tail -n 5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 2>/dev/null || true
      stop
      exit 1
    fi
    sleep 0.5
  done
}

stop() {
  local jobs pids
  [ -d "$dir" ] || return 0
  if [ -n "$(slurmctld_pid)" ]; then
    # Cancel the jobs first, so that slurmd ends their processes while it still runs.
    jobs=$(timeout 15 squeue --noheader --format=%A 2>/dev/null || true)
    if [ -n "$jobs" ]; then
      # shellcheck disable=SC2086 # one job id a word
      timeout 15 scancel $jobs 2>/dev/null || true
      for _ in $(seq 50); do
        [ -n "$(timeout 15 squeue --noheader --format=%A 2>/dev/null || true)" ] || break
        sleep 0.2
      done
    fi
  fi
  # shellcheck disable=SC2046 # one pid a word, or none
  end_pids $(slurmd_pid) $(slurmctld_pid)
  # A job step that outlived its slurmd (slurmstepd and what it started), then munge, which the
  # daemons needed until the end.
  # shellcheck disable=SC2046
  end_pids $(marked_pids)
  # shellcheck disable=SC2046
  end_pids $(munged_pid)
  rm -f "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"
  pids=$( (slurmd_pid; slurmctld_pid; munged_pid; marked_pids) | tr '\n' ' ')
  [ -z "${pids// /}" ] || die "could not stop processes $pids"
}

status() {
  local m c d state
  m=$(munged_pid) c=$(slurmctld_pid) d=$(slurmd_pid)
  if [ -z "$m$c$d" ]; then
    echo "stopped"
    exit 3
  fi
  state=$(node_state)
  if [ -n "$m" ] && [ -n "$c" ] && [ -n "$d" ] && [ -n "$state" ]; then
    echo "running: node localhost $state (munged $m, slurmctld $c, slurmd $d; binding: $(cat "$dir/bind" 2>/dev/null)); SLURM_CONF=$conf"
    exit 0
  fi
  echo "partly running: munged ${m:-down}, slurmctld ${c:-down}, slurmd ${d:-down}, node ${state:-unknown}; 'stop' then 'start' again"
  exit 1
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) printf 'export SLURM_CONF=%q\n' "$conf" ;;
  *)
    echo "usage: cluster.sh start|stop|status|env  (state folder: $dir)" >&2
    exit 2
    ;;
esac
