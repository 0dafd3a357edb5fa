#!/usr/bin/env bash
# Summarises a corpus too big for one machine on a Slurm cluster, in n shards, and gives exactly
# what `corpus summarise <corpus>` prints on one machine. Run it on the cluster's login node:
#
#   examples/slurm/summarise.sh /data/crawl 64 results/              # then, when the jobs end:
#   cat results/summary.txt                                          # or results/summary.json
#
#   examples/slurm/summarise.sh <corpus> <n> <output folder> [summarise options, e.g. --top 20]
#
# It submits four jobs, each waiting for the one before to succeed (--dependency=afterok), and
# prints their ids on one line (watch them with `squeue --me`):
#   1. count-lines.sbatch       array job, task i of n: the line counts of shard i (lines-i.corpus)
#   2. merge-lines.sbatch       one job: the whole corpus's line counts (lines.corpus), which
#                               tell boilerplate (lines that recur across the corpus) from text
#   3. summarise-shard.sbatch   array job, task i of n: shard i's partial summary (part-i.corpus)
#   4. merge-summary.sbatch     one job: merges the partials into summary.txt and summary.json
# If a task fails, the phases after it are cancelled; its log is in <output folder>/logs/.
#
# Every node must see the corpus, the output folder and corpus itself at the same paths (a
# shared file system, as clusters have). The command that runs corpus is $CORPUS_CMD, by default
# `corpus`; e.g. CORPUS_CMD="node $HOME/corpus/bin/corpus.js". Edit the #SBATCH lines of the four
# .sbatch files (time, memory, CPUs) for your cluster; SBATCH_ACCOUNT, SBATCH_PARTITION and
# Slurm's other input variables apply to all four jobs.
set -euo pipefail

usage() {
  echo "usage: summarise.sh <corpus> <n shards> <output folder> [summarise options]" >&2
  exit 2
}
[ $# -ge 3 ] || usage
corpus_path=$1 n=$2 out=$3
shift 3
[[ $n =~ ^[1-9][0-9]*$ ]] || {
  echo "summarise.sh: the number of shards must be a whole number from 1, not '$n'" >&2
  exit 2
}
[ -e "$corpus_path" ] || {
  echo "summarise.sh: $corpus_path: no such file or folder" >&2
  exit 2
}
command -v sbatch >/dev/null 2>&1 || {
  echo "summarise.sh: sbatch not found: run this on a Slurm cluster's login node" >&2
  exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/logs"
out=$(cd "$out" && pwd)

# Each job runs in this folder (so a relative corpus path means the same there) and writes its
# log as <job name>-<job id>[_<task>].out in the output folder. The corpus, n and the output
# folder are the job scripts' arguments, which keep any character a path may hold.
common=(--parsable --chdir="$PWD")
array=(--array="1-$n" --output="$out/logs/%x-%A_%a.out")
single=(--output="$out/logs/%x-%j.out")
args=("$corpus_path" "$n" "$out")

# sbatch --parsable prints "<job id>" or "<job id>;<cluster>".
submit() {
  local id
  id=$(sbatch "$@")
  echo "${id%%;*}"
}
count=$(submit "${common[@]}" "${array[@]}" "$here/count-lines.sbatch" "${args[@]}" "$@")
lines=$(submit "${common[@]}" "${single[@]}" --dependency="afterok:$count" "$here/merge-lines.sbatch" "${args[@]}")
parts=$(submit "${common[@]}" "${array[@]}" --dependency="afterok:$lines" "$here/summarise-shard.sbatch" "${args[@]}" "$@")
summary=$(submit "${common[@]}" "${single[@]}" --dependency="afterok:$parts" "$here/merge-summary.sbatch" "${args[@]}")
echo "$count $lines $parts $summary"
