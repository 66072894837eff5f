#!/usr/bin/env bash
# Reproducible builds: builds the published jars twice from clean and compares their SHA-256 sums.
# Usage: .ci/reproducible.sh [extra Maven arguments, e.g. -o]. Uses the release profile, so the sources and javadoc
# jars are compared too. Writes only target/ directories.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MODULES=texter-api-generated,texter-client,texter-dsl,texter-testkit,texter-bom
OUT="${TMPDIR:-/tmp}/texter-reproducible"   # outside target/: clean would delete it
rm -rf "$OUT"
mkdir -p "$OUT"
build() {
  ./mvnw -B -q -Prelease -DskipTests -pl "$MODULES" -am "$@" clean package >&2   # build output is not part of the sums
  find texter-*/target -maxdepth 1 -name '*.jar' -print0 | sort -z | xargs -0 sha256sum
}
build "$@" > "$OUT/first.sha256"
build "$@" > "$OUT/second.sha256"
echo "jars compared: $(wc -l < "$OUT/first.sha256")"
if diff "$OUT/first.sha256" "$OUT/second.sha256"; then
  echo "reproducible: both builds gave identical jars"
else
  echo "NOT reproducible: the jars above differ between two clean builds" >&2
  exit 1
fi
