/**
 * JMH benchmarks of the solver kernels and whole runs, each measured beside a yardstick
 * (memory bandwidth, raw FFT, raw GEMM) in the same run.
 */
package meanfield.benchmarks;
