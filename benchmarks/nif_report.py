#!/usr/bin/python3
"""Markdown table of NifNetworkRun and brian2_nif.py results, with the scaling exponents.

Usage: benchmarks/nif_report.py LOG...   (reads every 'RESULT key=value ...' line of the logs)

Ratios = Brian2's simulation time / Java's (one Java thread, and wall time against each other
thread count run), in wall time and in CPU time of the process, both for
the time-step loop alone (Java: first run in a fresh JVM, JIT compilation included; Brian2
cpp_standalone: timers around the loop, code generation, compilation and array loading excluded;
Brian2 runtime targets: the run after a 0-length warm-up run). CPU time is the steadier figure
on a machine shared with other work.
The exponent p is the least-squares slope of log(wall) against log(N).
"""
import math
import sys


def results(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            for line in f:
                if line.startswith('RESULT '):
                    rows.append(dict(item.split('=', 1) for item in line.split()[1:]))
    return rows


def slope(points):
    """Least-squares slope of log(y) against log(x), or None with fewer than two distinct x."""
    if len({x for x, _ in points}) < 2:
        return None
    lx = [math.log(x) for x, _ in points]
    ly = [math.log(y) for _, y in points]
    mx = sum(lx) / len(lx)
    my = sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main():
    rows = results(sys.argv[1:])
    runs = {(int(r['n']), int(r.get('threads', 1))): r for r in rows if r['side'] == 'java'}
    java = {n: r for (n, threads), r in runs.items() if threads == 1}
    parallel = sorted({threads for _, threads in runs if threads > 1})
    brian = [r for r in rows if r['side'] == 'brian2']
    print('| N | Java threads | synapses | Java build s | Java sim s wall (first / best) | Java sim s CPU (first / best)'
          ' | Java spikes | neuron updates/s | synaptic events/s | bytes/synapse (outgoing lists + rows, built only if read) |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for n, threads in sorted(runs):
        r = runs[(n, threads)]
        print(f"| {n} | {threads} | {int(r['synapses']):.3g} | {float(r['build_s']):.2f} | {float(r['sim_s']):.3f} /"
              f" {float(r['sim_best_s']):.3f} | {float(r['cpu_s']):.3f} / {float(r['cpu_best_s']):.3f}"
              f" | {r['spikes']} | {float(r['updates_per_s']):.3g} | {float(r['events_per_s']):.3g}"
              f" | {float(r['csr_bytes_per_synapse']):.2f} +"
              f" {float(r['bytes_per_synapse']) - float(r['csr_bytes_per_synapse']):.2f} |")
    if brian:
        print()
        extra = ''.join(f' Brian2 / Java {p} threads (wall) |' for p in parallel)
        print('| N | Brian2 target (synapses by) | compile s | Brian2 sim s wall | Brian2 sim s CPU | Brian2 spikes'
              ' | spikes vs Java | synaptic events/s | Brian2 / Java (wall) | Brian2 / Java (CPU) |' + extra)
        print('|---|---|---|---|---|---|---|---|---|---|' + '---|' * len(parallel))
        for r in sorted(brian, key=lambda r: (int(r['n']), r['target'])):
            n = int(r['n'])
            j = java.get(n)
            sim = float(r['sim_s'])
            cpu = float(r['cpu_s'])
            diff = f"{100 * (int(r['spikes']) / int(j['spikes']) - 1):+.1f} %" if j else 'n/a'
            ratio = f"{sim / float(j['sim_s']):.1f}x" if j else 'n/a'
            cpu_ratio = f"{cpu / float(j['cpu_s']):.1f}x" if j else 'n/a'
            wide = ''.join(f" {sim / float(runs[(n, p)]['sim_s']):.1f}x |" if (n, p) in runs else ' n/a |'
                           for p in parallel)
            print(f"| {n} | {r['target']} ({r.get('order', 'post')}) | {float(r['compile_s']):.1f} | {sim:.3f} | {cpu:.3f} | {r['spikes']}"
                  f" | {diff} | {float(r['events_per_s']):.3g} | {ratio} | {cpu_ratio} |{wide}")
    print()
    fits = [('Java sim wall, first run', [(n, float(r['sim_s'])) for n, r in java.items()]),
            ('Java sim CPU, first run', [(n, float(r['cpu_s'])) for n, r in java.items()]),
            ('Java sim wall, best run', [(n, float(r['sim_best_s'])) for n, r in java.items()]),
            ('Java network build', [(n, float(r['build_s'])) for n, r in java.items()])]
    for p in parallel:
        fits.append((f'Java sim wall, first run, {p} threads',
                     [(n, float(r['sim_s'])) for (n, threads), r in runs.items() if threads == p]))
    for target in sorted({r['target'] for r in brian}):
        fits.append((f'Brian2 {target} sim wall', [(int(r['n']), float(r['sim_s'])) for r in brian
                                                  if r['target'] == target]))
        fits.append((f'Brian2 {target} sim CPU', [(int(r['n']), float(r['cpu_s'])) for r in brian
                                                 if r['target'] == target]))
    for name, points in fits:
        p = slope(points)
        if p is not None:
            sizes = ', '.join(str(n) for n in sorted(n for n, _ in points))
            print(f'- {name}: ~ N^{p:.2f} (N = {sizes})')


if __name__ == '__main__':
    main()
