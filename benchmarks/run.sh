#!/usr/bin/env bash
# Builds the suite and runs the benchmarks, all single-threaded: the JMH kernels (NIF step and
# the STREAM triad yardstick; TOPO finite-volume right-hand side and its gain product beside
# OpenBLAS dgemm; TOPO spectral explicit part beside its raw FFTs), the NIF and TOPO whole runs and
# the topological and MV particle runs beside random loads and an array sweep. The NIF particles against Brian2 are
# benchmarks/nif-vs-brian2.sh. `./meanfield bench [--quick]` runs the same set (with NifParticlesRun)
# and gathers every figure into benchmarks.json and BENCHMARKS.md.
#   benchmarks/run.sh           full set, about 25 minutes (TOPO P3 at 64^2 cells alone takes minutes)
#   benchmarks/run.sh --quick   smoke run: one short iteration each, NIF whole runs to T = 0.1,
#                               TOPO whole runs to T = 0.05
# MVN_ARGS is passed to Maven (for example MVN_ARGS=-o to build offline).
# The build stops at `package`: the reactor resolves the modules from their target/ folders,
# so nothing is written to the local repository that another build may be reading.
set -euo pipefail

quick=false
case "${1:-}" in
  "") ;;
  --quick) quick=true ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
mvn -B -q ${MVN_ARGS:-} package -DskipTests

jar=benchmarks/target/benchmarks.jar
if $quick; then
  java -jar "$jar" -f 1 -wi 1 -i 1 -w 500ms -r 500ms
  java -cp "$jar" meanfield.benchmarks.NifParticlesRun --quick
  java -cp "$jar" meanfield.benchmarks.NifWholeRun --quick
  java -cp "$jar" meanfield.benchmarks.TopoWholeRun --quick
  java -cp "$jar" meanfield.benchmarks.TopoParticlesRun --quick
  java -cp "$jar" meanfield.benchmarks.MvParticlesRun --quick
  java -cp "$jar" meanfield.benchmarks.NifWorkPrecision --quick
  java -cp "$jar" meanfield.benchmarks.TopoWorkPrecision --quick
  java -cp "$jar" meanfield.benchmarks.StationaryRun --quick
else
  java -jar "$jar" -f 1 -wi 5 -i 10 -w 1s -r 1s -rf json -rff benchmarks/target/jmh-result.json
  java -cp "$jar" meanfield.benchmarks.NifParticlesRun
  java -cp "$jar" meanfield.benchmarks.NifWholeRun
  java -cp "$jar" meanfield.benchmarks.TopoWholeRun
  java -cp "$jar" meanfield.benchmarks.TopoParticlesRun
  java -cp "$jar" meanfield.benchmarks.MvParticlesRun
  java -cp "$jar" meanfield.benchmarks.NifWorkPrecision
  java -cp "$jar" meanfield.benchmarks.TopoWorkPrecision
  java -cp "$jar" meanfield.benchmarks.StationaryRun
fi
