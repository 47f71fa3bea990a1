/**
 * The topological particle system of MODEL.md 2.1, simulated exactly: event-driven interactions at
 * rate 1, partners drawn by rank with ranks found by counting in co-moving cell grids (no sort per
 * event), free transport between events; the position histograms and joint (bin, velocity) masses,
 * handed to a result sink at every output time, and checkpoints from which a run continues exactly.
 */
package meanfield.validation.topo;
