#!/usr/bin/env bash
# Regenerates the README's table "Against manufactured and exact solutions": every converge study
# against a manufactured or exact reference, each printed with its wall time. About 30 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
run() {
  echo "== converge $*"
  /usr/bin/time -f "wall %e s" ./meanfield converge "$@" --quiet --out "$out/$RANDOM" 2>&1
}
run nif-ring --refine grid.v.cells --levels 4 --from 50 --reference manufactured --set time.end=1 --set grid.xi.cells=4 --set time.tolerance=1e-8
run nif-ring --refine time.dt --levels 4 --from 0.05 --reference manufactured --quantity rate --set time.end=1 --set grid.v.cells=3200 --set grid.xi.cells=4
run examples/nif-constant-rate.yaml --refine grid.v.cells --levels 4 --reference exact
run topo-1d --set solver=finite-volume --refine grid.x.cells --from 32 --levels 4 --reference manufactured --set time.end=0.5
run topo-1d --refine grid.x.cells --from 8 --levels 3 --reference manufactured --norm max --set time.dt=0.0025 --set time.end=0.5
run topo-2d --refine grid.x.cells --from 8 --levels 3 --reference manufactured --norm max --set time.dt=0.0025 --set time.end=0.5
run topo-1d --refine time.dt --from 0.05 --levels 4 --reference manufactured --norm max --set grid.x.cells=64 --set time.end=0.5
run mv-1d --refine grid.x.cells --from 8 --levels 4 --reference manufactured --quantity rho --norm max --set time.dt=0.001 --set time.end=0.5
run mv-1d --refine time.dt --from 0.05 --levels 4 --reference manufactured --quantity rho --norm max --set grid.x.cells=64 --set time.end=0.5
run topo-1d --set 'topo.weight={uniform: {}}' --refine grid.x.cells --from 16 --levels 3 --reference exact --norm max --set time.dt=0.005 --set time.end=0.5
run topo-1d --set solver=finite-volume --set 'topo.weight={uniform: {}}' --refine grid.x.cells --from 32 --levels 4 --reference exact --set time.end=0.5
