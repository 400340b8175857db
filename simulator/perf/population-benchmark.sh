#!/usr/bin/env bash
# Benchmark: stream N generated families (default 1,000,000) to an NDJSON file, and in the same run a
# baseline that only writes the same number of bytes to the same disk, so the figure can be read as a
# ratio on a shared, noisy machine. Usage: simulator/perf/population-benchmark.sh [families] [dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
families=${1:-1000000}
dir=${2:-$(mktemp -d)}
jar=simulator/target/oneenroll-simulator-app.jar
[ -f "$jar" ] || mvn -q -B install -DskipTests -DskipITs -pl simulator -am
out="$dir/population.ndjson"
trap 'rm -f "$out" "$dir/baseline.bin"' EXIT

start=$(date +%s.%N)
java -jar "$jar" population --county 620123 --seed 7 --families "$families" --out "$out" 2> "$dir/population.log"
gen=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN{print a-b}')
bytes=$(stat -c %s "$out")
rm -f "$out"

start=$(date +%s.%N)
head -c "$bytes" /dev/zero > "$dir/baseline.bin" && sync "$dir/baseline.bin"
base=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN{print a-b}')

cat "$dir/population.log" >&2
printf 'families: %d, NDJSON bytes: %d\n' "$families" "$bytes"
printf 'population 1M families seconds: %.1f\n' "$(awk -v g="$gen" -v f="$families" 'BEGIN{print g*1000000/f}')"
printf 'population families per second: %.0f\n' "$(awk -v g="$gen" -v f="$families" 'BEGIN{print f/g}')"
printf 'baseline raw write of the same bytes seconds: %.1f\n' "$base"
printf 'population vs raw write ratio: %.1fx\n' "$(awk -v g="$gen" -v b="$base" 'BEGIN{print g/b}')"
