#!/usr/bin/env bash
# The NIF network benchmark against Brian2, end to end: builds the benchmarks, runs NifNetworkRun
# (P1 of MODEL.md 4 on an Erdős–Rényi network, T = 1, dt = 1e-3, one thread) at each N, exports
# each network with its initial potentials, runs benchmarks/brian2_nif.py on the same files, and
# prints a Markdown table (benchmarks/nif_report.py). Not part of CI: the full run takes about
# 10 minutes and a few GB of memory and disk (N = 10^5 with in-degree 1000 is 10^8 synapses).
#
#   benchmarks/nif-vs-brian2.sh            N = 10^4, 3x10^4, 10^5 (Java); Brian2 at 10^4 and 10^5
#   benchmarks/nif-vs-brian2.sh --quick    smoke run: N = 2000 and 5000, both sides
#
# Environment:
#   SIZES           the N of the Java runs (default "10000 30000 100000")
#   BRIAN2_SIZES    the N of the Brian2 runs, a subset of SIZES (default "10000 100000")
#   BRIAN2_TARGETS  Brian2 code generation targets (default "cpp_standalone"; also cython, numpy)
#   CPU             the core both sides are pinned to with taskset (default 0; empty: no pinning)
#   JAVA_THREADS    the Java thread counts, run in turn on the same network (default "1,2"); the Java
#                   process is pinned to cores CPU..CPU+P-1 for the largest P
#   OUT             where the logs and exported networks go (default benchmarks/target/nif-vs-brian2)
#   KEEP=1          keep the exported networks and Brian2 projects (several GB at N = 10^5)
#   MVN_ARGS        passed to Maven (for example -o to build offline)
# The mean in-degree is 1000, or N/10 when N < 10^4. Brian2 is Debian's python3-brian
# (apt-get install -y python3-brian), run with /usr/bin/python3.
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=${SIZES:-10000 30000 100000}
brian_sizes=${BRIAN2_SIZES:-10000 100000}
targets=${BRIAN2_TARGETS:-cpp_standalone}
java_threads=${JAVA_THREADS:-1,2}
case "${1:-}" in
  "") ;;
  --quick) sizes=${SIZES:-2000 5000}; brian_sizes=${BRIAN2_SIZES:-2000 5000} ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac
out=${OUT:-benchmarks/target/nif-vs-brian2}
cpu=${CPU-0}
pin=()
if [[ -n "$cpu" ]] && command -v taskset >/dev/null; then
  pin=(taskset -c "$cpu")
fi
if ! /usr/bin/python3 -c 'import brian2' 2>/dev/null; then
  echo "Brian2 is missing: apt-get install -y python3-brian" >&2
  exit 1
fi

mvn -B -q ${MVN_ARGS:-} package -DskipTests -pl benchmarks -am
jar=benchmarks/target/benchmarks.jar
mkdir -p "$out"
rm -f "$out"/*.log
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc --all) cores); pinned: ${pin[*]:-no}" | tee "$out/load.txt"

for n in $sizes; do
  degree=$(( n >= 10000 ? 1000 : n / 10 ))
  echo "== Java N = $n, in-degree $degree" >&2
  # Heap: 16 bytes per synapse and the build's slack.
  heap=$(( n * degree * 20 / 1000000000 + 3 ))
  export_args=()
  for m in $brian_sizes; do
    [[ "$m" == "$n" ]] && export_args=(--export "$out/net-$n.bin")
  done
  java_pin=()
  if [[ -n "$cpu" ]] && command -v taskset >/dev/null; then
    most=$(tr ',' '\n' <<< "$java_threads" | sort -n | tail -1)
    java_pin=(taskset -c "$cpu-$((cpu + most - 1))")
  fi
  "${java_pin[@]}" java -Xmx${heap}g -cp "$jar" meanfield.benchmarks.NifNetworkRun --n "$n" --degree "$degree" \
      --runs 2 --threads "$java_threads" "${export_args[@]}" | tee "$out/java-$n.log" >&2
  for m in $brian_sizes; do
    [[ "$m" == "$n" ]] || continue
    for target in $targets; do
      echo "== Brian2 $target N = $n" >&2
      rm -rf "$out/brian2-$n-$target"
      # Brian2 and its dependencies print FutureWarnings on this numpy: keep them in the log only.
      "${pin[@]}" /usr/bin/python3 benchmarks/brian2_nif.py "$out/net-$n.bin" --target "$target" \
          --build-dir "$out/brian2-$n-$target" > "$out/brian2-$n-$target.log" 2>&1 \
        || { echo "Brian2 $target at N = $n failed, see $out/brian2-$n-$target.log" >&2; exit 1; }
      grep -E '^(N =|target|[0-9]+ steps)' "$out/brian2-$n-$target.log" >&2
    done
  done
  if [[ "${KEEP:-0}" != 1 ]]; then
    rm -rf "$out/net-$n.bin" "$out"/brian2-"$n"-*/
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
echo
/usr/bin/python3 benchmarks/nif_report.py "$out"/*.log | tee "$out/report.md"
