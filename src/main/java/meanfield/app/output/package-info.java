/**
 * Files a run leaves behind: the HDF5 solution files of PROBLEMS.md "Outputs" and the PNG
 * plots written next to them. Solvers never write files; this package is where results leave memory.
 */
package meanfield.app.output;
