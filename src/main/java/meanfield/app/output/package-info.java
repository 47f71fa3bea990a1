/**
 * Files a run leaves behind: the result file any run streams into ({@link meanfield.app.output.Hdf5ResultFile},
 * a {@link meanfield.solvers.result.ResultSink}), checkpoints, summary.json and the PNG plots written
 * next to them. Solvers never write files; this package is where results leave memory.
 */
package meanfield.app.output;
