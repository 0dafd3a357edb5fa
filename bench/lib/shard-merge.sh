#!/usr/bin/env bash
# The bench's shard-and-merge job (issue 21): the corpus summarised as n shards, one after the
# other on this machine (on a cluster they run at once), then merged; the merged summary must be
# the one `summarise` prints over the whole corpus. Prints the merged summary on stdout.
# Usage: shard-merge.sh <node> <bin/corpus.js> <corpus> <n>
set -euo pipefail
node=$1 bin=$2 corpus=$3 n=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/corpus-bench-shards-XXXXXX")
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$n"); do
  "$node" "$bin" summarise "$corpus" --shard "$i/$n" --partial -o "$work/part-$i.corpus"
done
"$node" "$bin" merge "$work"/part-*.corpus --format json
