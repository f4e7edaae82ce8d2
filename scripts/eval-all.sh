#!/usr/bin/env bash
# Runs every evaluation script of ../shared/scripts against this checkout and prints their FIGURE lines.
# The data is not part of the repository; see ../shared/eval/README.md.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts=${NEWSDESK_EVAL_SCRIPTS:-../shared/scripts}
if [ ! -d "$scripts" ]; then
  echo "eval: $scripts not found (the evaluation data lives beside the repository)" >&2
  exit 1
fi
status=0
for name in feeds extract language entities similarity; do
  echo "== eval-$name" >&2
  python3 "$scripts/eval-$name.py" --repo . "$@" || status=1
done
exit $status
