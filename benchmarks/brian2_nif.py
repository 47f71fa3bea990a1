#!/usr/bin/python3
"""P1 of MODEL.md 4 on a network exported by NifNetworkRun, simulated with Brian2.

Usage: /usr/bin/python3 benchmarks/brian2_nif.py NETWORK_FILE [--target cpp_standalone|cython|numpy]
                                                  [--order pre|post] [--build-dir DIR]

Brian2 is Debian's python3-brian (2.5.1); run it with /usr/bin/python3, not another interpreter.
The network (CSR rows, columns, float32 weights), the initial potentials, T and dt are read from
the file NifNetworkRun --export wrote (layout in NifNetworkRun.export), so both sides simulate
the same network from the same initial data. Model (MODEL.md 1.1 and P1):

    dv = (-v + 1.2) dt + sqrt(2 sigma) dB,  sigma = 0.1  (Euler-Maruyama, Brian2's 'euler')
    spike with probability 1 - exp(-nu(v) dt), nu(v) = 5 / (1 + exp(-(v - 1)/0.2))
    on a spike of j: v_i += w_ij for each synapse j -> i;  then v_j = 0 (reset)

Synapses are handed to Brian2 sorted by presynaptic neuron (--order pre, the default), as its own
connect() creates them, so that a spike's synapses are contiguous in Brian2's arrays; --order post
keeps the exported row order, which scatters them (about 1.5x slower propagation at N = 10^4).

Brian2's default schedule gives MODEL.md 1.1's order within a step: state update ('groups'),
thresholds, synapses (on_pre: v_post += w, delay 0), resets; an input that reaches a neuron in
the step it spikes is overwritten by its reset. The delay is given as a scalar 0 ms: without it
Brian2 stores and reads a float64 delay per synapse.

Targets, all single-threaded (OpenMP off, OMP_NUM_THREADS=1 advised):
  cpp_standalone (default) the whole simulation as a generated C++ program (g++ -O3 -march=native,
                 Brian2's default flags). Reported separately: code generation + compilation,
                 the whole binary (loads the arrays, creates the synapses, runs), and the
                 network run alone: its wall time (a monotonic clock inserted around the call)
                 and its CPU time (Brian2's own timer, std::clock()).
  cython, numpy  Brian2's runtime mode. A 0-length run first generates and compiles the code
                 (cached by Cython across runs) and builds the spike queue; the timed run
                 follows.
The last line, RESULT key=value ..., is for benchmarks/nif_report.py.
"""
import argparse
import os
import resource
import struct
import sys
import time

import numpy as np

MAGIC = b'NIFNET01'
HEADER = struct.Struct('<8siqddq')


def load(path):
    """N, T, dt, rowStart, column, weight, v0 as NifNetworkRun.export wrote them (little-endian)."""
    with open(path, 'rb') as f:
        magic, n, synapses, end, dt, seed = HEADER.unpack(f.read(HEADER.size))
    if magic != MAGIC:
        sys.exit(f'{path} is not a NifNetworkRun export (magic {magic!r})')
    offset = HEADER.size
    row_start = np.fromfile(path, dtype='<i4', count=n + 1, offset=offset)
    offset += 4 * (n + 1)
    column = np.fromfile(path, dtype='<i4', count=synapses, offset=offset)
    offset += 4 * synapses
    weight = np.fromfile(path, dtype='<f4', count=synapses, offset=offset)
    offset += 4 * synapses
    v0 = np.fromfile(path, dtype='<f8', count=n, offset=offset)
    if v0.size != n or row_start[-1] != synapses:
        sys.exit(f'{path} is truncated')
    return n, end, dt, seed, row_start, column, weight, v0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('network')
    parser.add_argument('--target', default='cpp_standalone', choices=['cpp_standalone', 'cython', 'numpy'])
    parser.add_argument('--order', default='pre', choices=['pre', 'post'],
                        help='order of the synapses in Brian2: by presynaptic neuron (default, as Brian2\'s own'
                             ' connect creates them) or as the exported rows (by postsynaptic neuron)')
    parser.add_argument('--build-dir', default=None,
                        help='cpp_standalone project directory (default: a fresh one beside the network file)')
    args = parser.parse_args()

    start = time.perf_counter()
    n, end, dt, seed, row_start, column, weight, v0 = load(args.network)
    synapses = column.size
    # Row i holds the inputs of neuron i: presynaptic column[e], postsynaptic i, weight w_ij.
    post = np.repeat(np.arange(n, dtype=np.int32), np.diff(row_start))
    out_degree = np.bincount(column, minlength=n)
    if args.order == 'pre':
        # Brian2's connect(p=...) creates synapses source by source, so a spike's synapses are
        # contiguous in its arrays; the rows are sorted by target, which would scatter them.
        order = np.argsort(column, kind='stable')
        column, post, weight = column[order], post[order], weight[order]
        del order
    print(f'N = {n}, {synapses} synapses, T = {end}, dt = {dt}: loaded in {time.perf_counter() - start:.1f} s',
          flush=True)

    import brian2 as b2
    from brian2 import ms, second, Hz

    if args.target == 'cpp_standalone':
        directory = args.build_dir or os.path.splitext(os.path.abspath(args.network))[0] + '-brian2'
        b2.set_device('cpp_standalone', directory=directory, build_on_run=False)
        b2.prefs.devices.cpp_standalone.openmp_threads = 0
        b2.prefs.devices.cpp_standalone.extra_make_args_unix = ['-j1']
    else:
        b2.prefs.codegen.target = args.target
    b2.seed(seed)
    b2.defaultclock.dt = dt * second

    setup = time.perf_counter()
    equations = '''
    dv/dt = (-v + 1.2)/second + sqrt(2*sigma/second)*xi : 1
    nu = 5/(1 + exp(-(v - 1)/0.2))/second : Hz
    '''
    group = b2.NeuronGroup(n, equations, threshold='rand() < 1 - exp(-nu*dt)', reset='v = 0',
                           method='euler', namespace={'sigma': 0.1})
    group.v = v0
    net_synapses = b2.Synapses(group, group, model='w : 1', on_pre='v_post += w', delay=0 * ms)
    net_synapses.connect(i=column, j=post)
    net_synapses.w = weight.astype(np.float64)
    del post
    spikes = b2.SpikeMonitor(group, record=False)
    network = b2.Network(group, net_synapses, spikes)

    if args.target == 'cpp_standalone':
        device = b2.get_device()
        # Brian2's own timer of the loop (Network::_last_run_time) is std::clock(), the process's
        # CPU time; a monotonic wall clock around the same call gives the wall time.
        device.insert_code('before_network_run', 'struct timespec _bench_start, _bench_end;'
                           ' clock_gettime(CLOCK_MONOTONIC, &_bench_start);')
        device.insert_code('after_network_run', 'clock_gettime(CLOCK_MONOTONIC, &_bench_end);'
                           ' { FILE* _bench = fopen("results/bench_wall.txt", "w"); fprintf(_bench, "%.9f\\n",'
                           ' (_bench_end.tv_sec - _bench_start.tv_sec) + 1e-9 * (_bench_end.tv_nsec'
                           ' - _bench_start.tv_nsec)); fclose(_bench); }')
        network.run(end * second)
        device.build(directory=directory, compile=True, run=False, with_output=True)
        generate_compile = time.perf_counter() - setup
        start = time.perf_counter()
        # Keywords: Brian2 2.9 inserted results_directory as the second positional parameter.
        device.run(directory=directory, with_output=True, run_args=[])
        binary = time.perf_counter() - start
        cpu = device._last_run_time
        with open(os.path.join(directory, 'results', 'bench_wall.txt')) as f:
            sim = float(f.read())
        counts = np.asarray(spikes.count[:])
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        details = (f'code generation + compilation {generate_compile:.1f} s; binary {binary:.2f} s'
                   f' (loading arrays, creating synapses, run; peak memory {rss:.0f} MB, of the compiler or'
                   f' the binary); network run {sim:.3f} s wall, {cpu:.3f} s CPU')
        extra = f'cpu_s={cpu:.4f} compile_s={generate_compile:.2f} binary_s={binary:.3f} child_rss_mb={rss:.0f}'
    else:
        network.run(0 * second)
        warm = time.perf_counter() - setup
        cpu_start = time.process_time()
        start = time.perf_counter()
        network.run(end * second)
        sim = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        counts = np.asarray(spikes.count[:])
        details = (f'setup + code generation/compilation + spike queue (0-length run) {warm:.1f} s;'
                   f' run {sim:.3f} s wall, {cpu:.3f} s CPU')
        extra = f'cpu_s={cpu:.4f} compile_s={warm:.2f}'

    steps = int(round(end / dt))
    total = int(counts.sum())
    events = int(np.dot(counts.astype(np.int64), out_degree))
    print(f'target {args.target}: {details}')
    print(f'{steps} steps, {total} spikes ({total / n:.3f} per neuron), {events} synaptic events;'
          f' {n * steps / sim:.3g} neuron updates/s, {events / sim:.3g} synaptic events/s')
    print(f'RESULT side=brian2 target={args.target} order={args.order} n={n} synapses={synapses} sim_s={sim:.4f} steps={steps}'
          f' spikes={total} events={events} updates_per_s={n * steps / sim:.4g} events_per_s={events / sim:.4g}'
          f' {extra} brian2={b2.__version__}')


if __name__ == '__main__':
    main()
