#!/usr/bin/env bash
# Smoke test of cluster/slurm/sweep.sbatch against a real SLURM: sets up a single-node SLURM on
# this machine (Debian's slurm-wlm and munge, installed if missing: run as root), submits a 4-task
# array of a small 8-cell outcome sweep with sbatch, waits, merges, runs the same sweep locally,
# compares the two merges byte for byte (sweep_timings.json aside), and stops the daemons it
# started. Not part of .ci/run (it installs system packages). Usage: cluster/slurm/smoke.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/pgbarrier-slurm-smoke.XXXXXX)"
chmod 755 "$work"
say() { printf 'smoke: %s\n' "$*"; }

if [[ $EUID -ne 0 ]]; then
  echo "smoke: must run as root (installs packages, starts munged, slurmctld, slurmd)" >&2
  exit 2
fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  say "stopped the daemons it started (${pids[*]:-none})"
}
trap cleanup EXIT

# munge: a key of our own, the daemon as the munge user, its socket in our work directory
install -d -o munge -g munge -m 700 "$work/munge"
install -d -o munge -g munge -m 755 "$work/munge-run"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chown munge:munge "$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
socket="$work/munge-run/munge.socket"
runuser -u munge -- /usr/sbin/munged --key-file="$work/munge/munge.key" --socket="$socket" \
  --pid-file="$work/munge-run/munged.pid" --seed-file="$work/munge/seed" \
  --log-file="$work/munge/munged.log" --force
pids+=("$(cat "$work/munge-run/munged.pid")")

host="$(hostname -s)"
cpus="$(nproc)"
mkdir -p "$work/state" "$work/spool" "$work/log"
cat > "$work/slurm.conf" <<CONF
ClusterName=pgbarriersmoke
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=smoke Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF"
for _ in $(seq 100); do [[ -s "$work/slurmctld.pid" ]] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmctld.pid")")
/usr/sbin/slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do [[ -s "$work/slurmd.pid" ]] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 100); do
  sinfo -h -o %t 2>/dev/null | grep -qx idle && break
  sleep 0.3
done
say "single-node SLURM up: $(sinfo -h -o '%P %D node(s) %t, %c CPUs')"

say "building the jar"
(cd "$root" && ./pgbarrier --version >/dev/null 2>&1)

grid=(global.seq_length=4,6 'global.seed=range(0,4)')
small=(global.test_set_size=32 global.track_set_size=64 experiment.supervised.steps=10
  experiment.supervised.batch_size=16 experiment.pg.steps=6 experiment.pg.batch_size=16
  experiment.pg.test_every=3 experiment.track_initial_quantiles=4)
config="$root/configs/outcome_reward.yaml"

say "sbatch --array=0-3 of an 8-cell sweep"
cd "$root"
start=$(date +%s)
if ! sbatch --wait --array=0-3 --cpus-per-task=1 --output="$work/task-%a.out" \
  "$root/cluster/slurm/sweep.sbatch" "$config" "${small[@]}" "${grid[@]}" \
  "global.output_dir=$work/slurm" >"$work/sbatch.out"; then
  say "FAIL: the array failed; its tasks' output:"
  cat "$work"/task-*.out >&2 || true
  exit 1
fi
say "$(head -1 "$work/sbatch.out"), done in $(( $(date +%s) - start )) s"
for a in 0 1 2 3; do
  say "task $a: $(grep '^sweep .*ran' "$work/task-$a.out" | sed "s|$work/||")"
done
"$root/pgbarrier" merge "$work/slurm" 2>/dev/null | sed "s|$work/||; s|^|smoke: |"

say "the same sweep on this machine"
"$root/pgbarrier" run "$config" --multirun --quiet "${small[@]}" "${grid[@]}" \
  "global.output_dir=$work/local" 2>/dev/null | sed "s|$work/||; s|^|smoke: |"
"$root/pgbarrier" merge "$work/local" 2>/dev/null | sed "s|$work/||; s|^|smoke: |"

status=0
compared=0
for f in "$work"/local/sweep_*; do
  name="$(basename "$f")"
  [[ "$name" == sweep_timings.json ]] && continue
  compared=$((compared + 1))
  if cmp -s "$f" "$work/slurm/$name"; then
    say "identical: $name"
  else
    say "DIFFERENT: $name"
    status=1
  fi
done
if [[ $status -eq 0 && $compared -ge 5 ]]; then
  say "PASS: the merge of 4 SLURM array tasks equals the local merge ($compared files)"
  rm -rf "$work"
else
  say "FAIL: see $work"
  status=1
fi
exit $status
