#!/bin/sh
# Prepares the HTML evaluation sets in $DATA (default /tmp/html-eval-data) from git mirrors of three
# public benchmarks, and installs the libraries measured into $DEPS (never into the project).
# Usage: sh bench/html-eval/prepare.sh [MIRRORS]   (MIRRORS holds owner+name/repo git dirs)
set -eu
MIRRORS=${1:-/work/.mirror}
DATA=${DATA:-/tmp/html-eval-data}
DEPS=${DEPS:-/tmp/html-eval-deps}
mkdir -p "$DATA/aeb" "$DATA/trafilatura" "$DATA/htmldate"

# scrapinghub/article-extraction-benchmark: 181 pages (gzipped), ground-truth.json of articleBody.
AEB="$MIRRORS/scrapinghub+article-extraction-benchmark/repo"
git --git-dir="$AEB" archive HEAD html ground-truth.json evaluate.py output/readability_js.json \
  output/trafilatura.json output/readability.json output/justext.json | tar -x -C "$DATA/aeb"
gunzip -f "$DATA"/aeb/html/*.html.gz

# adbar/trafilatura: ~990 pages with passages that must ("with") and must not ("without") be in
# the main text, and most with a publication date (tests/evaldata.json).
TRA="$MIRRORS/adbar+trafilatura/repo"
git --git-dir="$TRA" archive HEAD tests/cache tests/eval tests/evaldata.json tests/eval_common.py |
  tar -x -C "$DATA/trafilatura"

# adbar/htmldate: ~1000 pages with the day of publication (tests/eval_default.json, eval_mediacloud_2020.json).
HTD="$MIRRORS/adbar+htmldate/repo"
git --git-dir="$HTD" archive HEAD tests/cache tests/eval tests/test_set tests/eval_default.json \
  tests/eval_mediacloud_2020.json | tar -x -C "$DATA/htmldate"

if [ ! -d "$DEPS/node_modules/@mozilla/readability" ]; then
  npm install --prefix "$DEPS" @mozilla/readability@0.6.0 linkedom@0.18.15 htmlparser2@12.0.0 \
    @extractus/article-extractor@9.0.1
fi
echo "data in $DATA, libraries in $DEPS"
