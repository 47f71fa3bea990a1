/**
 * The command line: {@code meanfield solve | simulate | resume | problems}, the shared options, exit
 * statuses (0 done, 2 user error, 3 numerical failure), the solve pipeline on the generic driver,
 * run directories and the progress display. No numerics.
 */
package meanfield.app;
