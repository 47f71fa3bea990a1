/**
 * {@code meanfield bench}: runs the benchmarks module's JMH kernels and whole runs as child
 * processes of {@code benchmarks/target/benchmarks.jar} (so that the application jar does not carry
 * JMH, ND4J or the benchmark code), gathers their JSON results and writes {@code benchmarks.json}
 * and {@code BENCHMARKS.md}.
 */
package meanfield.app.bench;
