/**
 * The command line: {@code meanfield solve | problems}, with the shared options, exit
 * statuses (0 done, 2 user error, 3 numerical failure) and progress display.
 */
package meanfield.app;
