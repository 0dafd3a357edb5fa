#!/usr/bin/env bash
# Summarises a corpus in n shards on several machines with GNU parallel over ssh, and gives
# exactly what `corpus summarise <corpus>` prints on one machine: the same four phases as
# examples/slurm/summarise.sh, without a scheduler.
#
#   SSHLOGIN=alpha,beta,gamma examples/parallel/summarise.sh /data/crawl 12 results/
#   cat results/summary.txt                                   # or results/summary.json
#
#   examples/parallel/summarise.sh <corpus> <n> <output folder> [summarise options]
#
# Phases (each starts when the one before has succeeded; the first failure stops the run):
#   1. on the machines, shard i of n: the line counts of shard i (lines-i.corpus)
#   2. here: the whole corpus's line counts (lines.corpus), which tell boilerplate from text
#   3. on the machines, shard i of n: shard i's partial summary (part-i.corpus)
#   4. here: the partials merged into summary.txt and summary.json
#
# SSHLOGIN is GNU parallel's --sshlogin: a comma-separated list of [user@]host, ":" for this
# machine (the default). JOBS_PER_MACHINE shards run at once on each machine (by default 1, and
# corpus uses all of the machine's cores for it). Every machine must see the corpus,
# the output folder and this folder at the same paths (a shared file system), reach the others
# by ssh without a password, and run corpus as $CORPUS_CMD (by default `corpus`).
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
command -v parallel >/dev/null 2>&1 || {
  echo "summarise.sh: GNU parallel not found (apt-get install parallel)" >&2
  exit 2
}
mkdir -p "$out"
out=$(cd "$out" && pwd)
read -r -a corpus <<<"${CORPUS_CMD:-corpus}"

# Runs "$@" and counts status 1 (no document fell in this shard: the partial is still written
# and valid) as success; only 2, an error, fails. Given to parallel as a shell snippet, so that
# it runs the same on a remote machine.
ok_if_empty='"$@" || [ $? -eq 1 ]'

# Runs "$@" once per shard, {} standing for the shard's number, on the machines of SSHLOGIN:
# -q quotes every argument for the remote shell, --workdir runs in this folder there too (a
# relative corpus path means the same), --halt stops at the first failure.
on_shards() {
  seq 1 "$n" | parallel --sshlogin "${SSHLOGIN:-:}" --jobs "${JOBS_PER_MACHINE:-1}" --workdir "$PWD" --halt now,fail=1 -q \
    sh -c "$ok_if_empty" sh "$@"
}

files() {
  for ((i = 1; i <= n; i++)); do echo "$out/$1-$i.corpus"; done
}

# Phase 1: shard i's line counts.
on_shards "${corpus[@]}" summarise "$corpus_path" --shard "{}/$n" --count-lines "$@" -o "$out/lines-{}.corpus"
# Phase 2: the whole corpus's line counts (every shard's file by name: a missing one is an error).
mapfile -t lines < <(files lines)
"${corpus[@]}" merge "${lines[@]}" -o "$out/lines.corpus"
# Phase 3: shard i's partial summary, with boilerplate judged by the whole corpus's counts.
on_shards "${corpus[@]}" summarise "$corpus_path" --shard "{}/$n" --lines "$out/lines.corpus" --partial "$@" \
  -o "$out/part-{}.corpus"
# Phase 4: the summary, as one run over the whole corpus prints it (into a file: tab-separated).
mapfile -t parts < <(files part)
for format in txt json; do
  args=()
  [ "$format" = txt ] || args=(--json)
  sh -c "$ok_if_empty" sh "${corpus[@]}" merge "${parts[@]}" "${args[@]}" >"$out/summary.$format.tmp"
  mv "$out/summary.$format.tmp" "$out/summary.$format"
done
