#!/usr/bin/env bash
# Builds the benchmarks, runs all of them (about 20 minutes on 2 cores) and writes the results to
# texter-benchmarks/results/: jmh-results.json and .txt (JMH's own output) and summary.md (the README's table).
# Extra arguments go to JMH, e.g. a benchmark filter: ./texter-benchmarks/run-benchmarks.sh 'CallBenchmark'
#
# --build-time (as the only argument) instead times a clean './mvnw -B verify' into results/build-time.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
results=texter-benchmarks/results
mkdir -p "$results"

if [[ "${1:-}" == "--build-time" ]]; then
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  ./mvnw -B clean verify > "$results/build-time.log" 2>&1
  end=$(date +%s%N)
  tests=$(grep -E "^\[(INFO|WARNING)\] Tests run:" "$results/build-time.log" | grep -v " in " \
      | awk -F'[ ,]+' '{ sum += $4 } END { print sum }')
  {
    echo "command: ./mvnw -B clean verify (warm local Maven repository)"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "machine: $(nproc) cores, load average before: $load_before"
    echo "tests run: ${tests:-?}"
    echo "wall time: $(( (end - start) / 1000000000 )) s"
  } | tee "$results/build-time.txt"
  rm -f "$results/build-time.log"
  exit 0
fi

./mvnw -B -q -Pbenchmarks -pl texter-benchmarks -am verify -DskipTests
# Run from a copy, so that rebuilding the project while JMH forks JVMs cannot change what they load.
run_dir=$(mktemp -d)
trap 'rm -rf "$run_dir"' EXIT
cp -r texter-benchmarks/target/benchmarks.jar texter-benchmarks/target/lib "$run_dir/"
java -jar "$run_dir/benchmarks.jar" -prof com.texterchat.benchmarks.CpuTimeProfiler -rf json -rff "$results/jmh-results.json" "$@" | tee "$results/jmh-results.txt"
java -cp "$run_dir/benchmarks.jar" com.texterchat.benchmarks.report.ResultsTable "$results/jmh-results.json" \
    "$results/summary.md"
cat "$results/summary.md"
