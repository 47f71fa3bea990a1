#!/usr/bin/python3
"""Issue #12's peer workload in Brian2: the model of benchmarks/peer/workload.yaml, written as a
Brian2 user writes it, timed as a whole.

Usage: /usr/bin/python3 benchmarks/peer/brian2_workload.py [--n N] [--degree D] [--dt DT] [--end T]
                                                         [--target cython|numpy] [--seed S]

Model (MODEL.md 1.1 with workload.yaml's formulas; time in seconds, v dimensionless):
    dv = (-v + 1.0 + 0.3 sin(2 pi xi)) dt + sqrt(2 sigma) dB,  sigma = 0.1   (Brian2's 'euler')
    spike with probability 1 - exp(-nu(v) dt), nu(v) = 4 / (1 + exp(-(v - 0.8)/0.15))
    on a spike of j: v_i += w(xi_i, xi_j) / D for each synapse j -> i, w = 0.1 + 0.3 cos(2 pi (xi - zeta));
    then v_j = 0
    network: each ordered pair i != j a synapse with probability D / N (Brian2's connect(p=...))
    labels xi_i = (i + 1/2) / N; v_i(0) ~ Normal(0.5 + 0.3 cos(2 pi xi_i), 0.15) (f0 of workload.yaml)
    all spikes recorded (SpikeMonitor), as meanfield records every spike into its binned rates.
The label is called `lab` because Brian2 reserves `xi` for white noise.

Prints `build S`, `run S`, `spikes K` and a last line `RESULT brian2=VERSION target=... build=S run=S
spikes=K` (build: everything before the timed run, code generation and compilation included, which
Cython caches across processes; run: the network run alone). The caller times the whole process.
"""
import argparse
import time

start = time.perf_counter()
import brian2 as b2  # noqa: E402  (imported after the clock starts: the import is part of the cost)
import numpy as np  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--n', type=int, default=32000)
    parser.add_argument('--degree', type=float, default=500)
    parser.add_argument('--dt', type=float, default=0.0005)
    parser.add_argument('--end', type=float, default=4.0)
    parser.add_argument('--target', default='cython', choices=['cython', 'numpy'])
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()

    b2.prefs.codegen.target = args.target
    b2.seed(args.seed)
    b2.defaultclock.dt = args.dt * b2.second
    n = args.n
    equations = '''
    dv/dt = (-v + 1.0 + 0.3*sin(2*pi*lab))/second + sqrt(2*sigma/second)*xi : 1
    lab : 1 (constant)
    '''
    neurons = b2.NeuronGroup(n, equations, method='euler', namespace={'sigma': 0.1},
                             threshold='rand() < 1 - exp(-4/(1 + exp(-(v - 0.8)/0.15))*dt/second)',
                             reset='v = 0')
    neurons.lab = (np.arange(n) + 0.5) / n
    rng = np.random.default_rng(args.seed)
    neurons.v = 0.5 + 0.3 * np.cos(2 * np.pi * neurons.lab[:]) + 0.15 * rng.standard_normal(n)
    synapses = b2.Synapses(neurons, neurons, 'w : 1', on_pre='v_post += w', delay=0 * b2.ms)
    synapses.connect(condition='i != j', p=args.degree / n)
    synapses.w = '(0.1 + 0.3*cos(2*pi*(lab_post - lab_pre)))/%r' % args.degree
    spikes = b2.SpikeMonitor(neurons)
    network = b2.Network(neurons, synapses, spikes)
    network.run(0 * b2.second)  # code generation, compilation and the spike queue, before the clock
    build = time.perf_counter() - start
    run_start = time.perf_counter()
    network.run(args.end * b2.second)
    run = time.perf_counter() - run_start
    print(f'synapses {len(synapses)}')
    print(f'build {build:.3f}')
    print(f'run {run:.3f}')
    print(f'spikes {spikes.num_spikes}')
    print(f'RESULT brian2={b2.__version__} target={args.target} build={build:.4f} run={run:.4f} '
          f'spikes={spikes.num_spikes} synapses={len(synapses)}')


if __name__ == '__main__':
    main()
