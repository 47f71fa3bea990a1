/**
 * Network weights w_ij (from presynaptic j to postsynaptic i, MODEL.md 1.1) in compressed sparse
 * rows with their transpose; dense, Erdős–Rényi, fixed in-degree and file-given networks, their
 * scaling quantities and their step kernel on a label grid.
 */
package meanfield.validation.network;
