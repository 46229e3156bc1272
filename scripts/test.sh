#!/usr/bin/env bash
# Runs every test: unit tests, and end-to-end tests that start the real AppHost (local PostgreSQL, all services).
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Tokenizer]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
# DCP starts the services with --no-build, so everything is built first, warnings as errors.
dotnet build TruthGraph.sln -warnaserror -nologo -v quiet
# The build rewrote each service's OpenAPI document (*/Contracts/*.json). One that differs from git's copy is a
# contract change nobody has looked at: stage it (git add) once it is meant, and the run goes on.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git diff --quiet -- '*/Contracts/*.json'; then
  echo "The services' OpenAPI documents changed in this build; review and stage them:" >&2
  git diff --stat -- '*/Contracts/*.json' >&2
  exit 1
fi

results=$(mktemp -d)
status=0
dotnet test TruthGraph.sln --no-build --nologo --logger "console;verbosity=normal" \
  --logger "trx" --results-directory "$results" "$@" | tee "$results/console.log" || status=$?

# One closing line for people and CI: the totals over all test assemblies, read from their TRX reports.
cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); n[kv[1]] += kv[2] } }
  END { printf "%d passed, %d failed, %d skipped\n", n["passed"], n["failed"], n["total"] - n["executed"] }'
# CI keeps only the end of the output: name each failed test there, with the first lines of its message.
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  perl -0ne 'while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed"(?:(?!<\/UnitTestResult>).)*?<Message>(.*?)<\/Message>/sg) {
    my ($name, $message) = ($1, $2); for ($name, $message) { s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/&/g }
    my @lines = (split /\n/, $message)[0..2]; print "FAILED $name\n", map({ defined $_ ? "    $_\n" : "" } @lines) }' "$trx"
done
exit $status
