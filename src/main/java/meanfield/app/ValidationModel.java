package meanfield.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

import meanfield.app.problem.MvProblem;
import meanfield.app.problem.NifProblem;
import meanfield.solvers.nif.SpectralCellAverages;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.TopoProblem;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.run.RecordedRun;
import meanfield.validation.network.WeightMatrix;
import meanfield.validation.nif.PotentialSnapshots;
import meanfield.validation.tree.ContinuumTree;
import meanfield.validation.tree.NetworkTree;
import meanfield.validation.tree.TreeObservable;
import meanfield.validation.tree.TreeSpec;
import meanfield.validation.study.BinnedDensityDistance;
import meanfield.validation.study.BinnedRateDistance;
import meanfield.validation.study.CircularWassersteinDistance;
import meanfield.validation.study.JointMassDistance;
import meanfield.validation.study.LabelBins;
import meanfield.validation.study.TorusBinMasses;
import meanfield.validation.study.TorusCoarsening;
import meanfield.validation.study.VoltageDensityDistance;
import meanfield.validation.study.VoltageWassersteinDistance;

/**
 * What a model brings to {@code validate}: one particle run of N particles with a seed (for NIF on a
 * network built once, whose step kernel the solver may get), the observables kept from it, the
 * continuum variables kept from a solve, and the list of distances between the two.
 */
abstract class ValidationModel {
    /** Fine position bins per axis are at least this many in total over the torus (for W1 in x). */
    private static final int FINE_TORUS_BINS = 1024;

    /** One particle run's observables (flat, by key) and, with --kernel network, its network's continuum. */
    record ParticleRun(Map<String, double[]> observables, RecordedRun networkContinuum, String failure) {
    }

    protected final Problem problem;
    /** The requested comparison times (already checked to lie in [0, time.end]). */
    protected final double[] times;

    ValidationModel(Problem problem, double[] times) {
        this.problem = problem;
        this.times = times;
    }

    static ValidationModel of(Problem problem, double[] times, List<String> trees) {
        if (problem.model() instanceof NifProblem) {
            return new Nif(problem, times, trees);
        }
        if (!trees.isEmpty()) {
            throw new ProblemException("--trees", "tree-indexed observables need a network: model "
                    + problem.model().name() + " has none");
        }
        return new Torus(problem, times);
    }

    /** Whether a network's step kernel can be handed to the solver (NIF only). */
    abstract boolean hasNetwork();

    /** Runs N particles with a seed; with {@code networkKernel} also the continuum on that network's step kernel. */
    abstract ParticleRun run(int n, long seed, boolean networkKernel, DoubleConsumer progress);

    /** The continuum variables the distances read. */
    abstract Set<String> continuumVariables();

    /** The distances for the runs of N particles (bins and windows are those of such a run). */
    abstract List<ValidationDistance> distances(int n);

    /** The name of the first distance, reported as the study's error (error_rate or error_density). */
    abstract String primary();

    /** Bytes one run of N particles holds at most (weights both ways, neurons' state, snapshots). */
    abstract long runBytes(int n);

    /** The times the distances at one time are actually taken at (window ends or outputs), as reported. */
    abstract double[] comparisonTimes();

    /** The continuum solved in memory on one thread, keeping what the distances read. */
    RecordedRun solve(meanfield.app.problem.ModelProblem model) {
        return SolveRun.inMemory(model, continuumVariables(), false);
    }

    /** The same problem at double resolution (every grid count doubled, the time tolerance or step refined). */
    abstract meanfield.app.problem.ModelProblem doubled(CommonOptions options);

    /** The index of the value nearest to t. */
    static int nearest(double[] values, double t) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - t) < Math.abs(values[best] - t)) {
                best = i;
            }
        }
        return best;
    }

    /** A name that carries the time when several times are compared. */
    protected String atTime(String name, int s) {
        return times.length == 1 ? name : name + String.format(Locale.ROOT, "_t%.4g", comparisonTimes()[s]);
    }

    protected static String[] refinedTime(meanfield.app.problem.ModelProblem model) {
        return Double.isNaN(model.time().fixedStep())
                ? new String[] {"time.tolerance=" + model.time().tolerance() / 4}
                : new String[] {"time.dt=" + model.time().fixedStep() / 2};
    }

    /** NIF: the network of the particles section, binned rates, and the potentials at the chosen times. */
    static final class Nif extends ValidationModel {
        private final NifProblem nif;
        private final double[] windowEdges;
        private final int[] edges;
        private final List<TreeObservable> trees = new ArrayList<>();

        Nif(Problem problem, double[] times, List<String> specs) {
            super(problem, times);
            this.nif = (NifProblem) problem.model();
            if (!specs.isEmpty() && nif.model().kernel() instanceof SynapticKernel.Measure) {
                throw new ProblemException("--trees", "the continuum's tree observables are computed from the limit"
                        + " kernel's cell averages w_kl, which a measure kernel (nif.kernel.measure) does not have:"
                        + " validate it without --trees");
            }
            for (String spec : specs) {
                try {
                    trees.add(TreeSpec.parse(spec, nif.model().rate()::value));
                } catch (IllegalArgumentException e) {
                    throw new ProblemException("--trees", e.getMessage());
                }
            }
            // The windows depend on time.end, time.output_every and particles.dt only, not on N.
            this.windowEdges = meanfield.validation.nif.NifSimulator.windowEdges(nif.time().end(),
                    problem.particles().dt(), nif.time().outputEvery());
            this.edges = new int[times.length];
            for (int s = 0; s < times.length; s++) {
                edges[s] = nearest(windowEdges, times[s]);
            }
        }

        @Override
        boolean hasNetwork() {
            return true;
        }

        @Override
        double[] comparisonTimes() {
            double[] t = new double[edges.length];
            for (int s = 0; s < t.length; s++) {
                t[s] = windowEdges[edges[s]];
            }
            return t;
        }

        @Override
        ParticleRun run(int n, long seed, boolean networkKernel, DoubleConsumer progress) {
            WeightMatrix network = NifParticles.network(nif, problem.particles(), n, seed, 1);
            NifParticles job = new NifParticles(nif, network, problem.particles(), n, seed, 1);
            PotentialSnapshots snapshots = new PotentialSnapshots(edges);
            job.snapshotAt(snapshots);
            RecordedResult record = new RecordedResult(Set.of("rate"), false);
            try {
                job.run(record, null, progress);
            } catch (InvalidModelException e) {
                throw new ProblemException(nif.keyOf(e.part()), e.getMessage());
            }
            Map<String, double[]> observables = new LinkedHashMap<>();
            int windows = record.outputCount();
            int bins = windows == 0 ? 0 : record.get("rate", 0).length;
            double[] rate = new double[windows * bins];
            for (int w = 0; w < windows; w++) {
                System.arraycopy(record.get("rate", w), 0, rate, w * bins, bins);
            }
            observables.put("rate", rate);
            for (int s = 0; s < edges.length; s++) {
                double[] v = snapshots.potentials(s);
                observables.put("v" + s, v);
                observables.put("hist_v" + s, v == null ? null : voltageHistogram(n, v));
                for (int k = 0; k < trees.size(); k++) {
                    observables.put("tree" + k + "_" + s, v == null ? null
                            : new double[] {NetworkTree.evaluate(network, v, trees.get(k))});
                }
            }
            String failure = job.failure().orElse(null);
            RecordedRun continuum = null;
            if (networkKernel && failure == null) {
                SynapticKernel step = network.stepKernel(nif.labels().cells());
                NifModel m = nif.model();
                NifProblem onNetwork = new NifProblem(new NifModel(m.reset(), m.sigma(), m.drift(), m.rate(), m.threshold(),
                        step, m.initial()), nif.v(), nif.elements(), nif.labels(), nif.time(), nif.scheme(), nif.solver());
                continuum = solve(onNetwork);
            }
            return new ParticleRun(observables, continuum, failure);
        }

        @Override
        Set<String> continuumVariables() {
            return Set.of("rate", "density");
        }

        @Override
        String primary() {
            return "error_rate";
        }

        @Override
        List<ValidationDistance> distances(int n) {
            int bins = Math.min(problem.particles().bins(), n);
            double[] labelEdges = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                labelEdges[b] = (double) b / bins;
            }
            List<ValidationDistance> list = new ArrayList<>();
            list.add(new ValidationDistance("error_rate", "L1 over time and labels of the binned firing rates: sum_W sum_B"
                    + " |W| |B| |r_N(W, B) - rbar(W, B)| (windows of time.output_every x particles.bins label bins)", "rate",
                    c -> new BinnedRateDistance(windowEdges, labelEdges, c.times(), labelCells(c)).continuum(rateTable(c)),
                    new BinnedRateDistance(windowEdges, labelEdges, windowEdges, 1)::distance, true));
            LabelBins labels = new LabelBins(bins);
            double[] t = comparisonTimes();
            for (int s = 0; s < times.length; s++) {
                int slot = s;
                VoltageDensityDistance density = new VoltageDensityDistance(labels, nif.v().min(), nif.v().max(),
                        problem.particles().vBins());
                list.add(new ValidationDistance(atTime("error_density", s), String.format(Locale.ROOT,
                        "L1 of the density in v per label bin at t = %.4g: sum_B |B| sum_b |hist_N(B, b) - int_b f_B dv|"
                        + " (particles.v_bins bins on the v domain, one below, one above)", t[s]), "hist_v" + s,
                        c -> density.continuum(densityAt(c, t[slot]), labelCells(c), vEdges(c)),
                        density::distance, true));
                list.add(new ValidationDistance(atTime("w1_v", s), String.format(Locale.ROOT,
                        "W1 in v per label bin at t = %.4g: sum_B |B| int |F_N,B(v) - F_B(v)| dv (exact, from the"
                        + " potentials)", t[s]), "v" + s,
                        c -> new VoltageWassersteinDistance(labels, vEdges(c)).continuum(densityAt(c, t[slot]),
                                labelCells(c)),
                        new ValidationDistance.Metric() {
                            @Override
                            public double distance(double[] p, double[] c) {
                                return pooled(new double[][] {p}, c);
                            }

                            @Override
                            public double pooled(double[][] p, double[] c) {
                                return new VoltageWassersteinDistance(labels, gridEdges(nif.v())).pooled(p, c);
                            }
                        }, false));
                for (int k = 0; k < trees.size(); k++) {
                    TreeObservable tree = trees.get(k);
                    list.add(new ValidationDistance(atTime("tree_" + tree.label().replaceAll("[^A-Za-z0-9]+", "_"), s), String.format(Locale.ROOT,
                            "|tau_N(T) - tau(T)| at t = %.4g for T = %s: tau_N = (1/N) sum over vertex neurons of prod"
                            + " over edges w_(parent, child) prod phi_m(V), by message passing on the network; tau the"
                            + " same recursion on the label grid from the limit kernel's cell averages and f", t[s],
                            tree.label()), "tree" + k + "_" + s,
                            c -> new double[] {ContinuumTree.evaluate(limitKernel(labelCells(c)), tree,
                                    densityAt(c, t[slot]), vGrid(c))},
                            (p, c) -> Math.abs(p[0] - c[0]), true));
                }
            }
            return list;
        }

        /**
         * The limit kernel averaged over the cells of a label grid of M cells (a kernel given as cell
         * averages on a coarser grid that divides M is constant on its cells).
         */
        private SynapticKernel.CellAveraged limitKernel(int cells) {
            SynapticKernel kernel = nif.model().kernel();
            if (kernel instanceof SynapticKernel.Function function) {
                meanfield.grids.UniformGrid grid = meanfield.grids.UniformGrid.unitInterval(cells);
                return new SynapticKernel.CellAveraged(cells, meanfield.grids.CellAverages.of(function.w(), grid, grid, 3));
            }
            SynapticKernel.CellAveraged given = (SynapticKernel.CellAveraged) kernel;
            int ratio = cells / given.cells();
            double[] w = new double[cells * cells];
            for (int k = 0; k < cells; k++) {
                for (int l = 0; l < cells; l++) {
                    w[k * cells + l] = given.value(k / ratio, l / ratio);
                }
            }
            return new SynapticKernel.CellAveraged(cells, w);
        }

        private static meanfield.grids.UniformGrid vGrid(RecordedResult c) {
            double[] edges = vEdges(c);
            return new meanfield.grids.UniformGrid(edges[0], edges[edges.length - 1], edges.length - 1);
        }

        /** The particles' histogram of V on the bins of error_density (for validation.h5). */
        double[] voltageHistogram(int n, double[] v) {
            return new VoltageDensityDistance(new LabelBins(Math.min(problem.particles().bins(), n)), nif.v().min(),
                    nif.v().max(), problem.particles().vBins()).particles(v);
        }

        private static double[][] rateTable(RecordedResult c) {
            double[][] rate = new double[c.outputCount()][];
            for (int o = 0; o < rate.length; o++) {
                rate[o] = c.get("rate", o);
            }
            return rate;
        }

        private static int labelCells(RecordedResult c) {
            return c.layout().axis("xi").length();
        }

        private static double[] gridEdges(meanfield.grids.UniformGrid g) {
            double[] edges = new double[g.cells() + 1];
            for (int k = 0; k <= g.cells(); k++) {
                edges[k] = g.face(k);
            }
            return edges;
        }

        private static double[] vEdges(RecordedResult c) {
            double[] centres = c.layout().axis("v").values();
            double h = centres[1] - centres[0];
            double[] edges = new double[centres.length + 1];
            for (int k = 0; k <= centres.length; k++) {
                edges[k] = centres[0] - h / 2 + k * h;
            }
            return edges;
        }

        private static double[] densityAt(RecordedResult c, double t) {
            return c.get("density", nearest(c.times(), t));
        }

        @Override
        long runBytes(int n) {
            // The network, 64 bytes of state per neuron, and a copy of V per comparison time.
            return (long) Math.min(Long.MAX_VALUE / 4.0, problem.particles().networkBytes(n)
                    + (64.0 + 8 * times.length) * n);
        }

        /**
         * The spectral solver's density passes through {@link SpectralCellAverages} on grid.v.cells:
         * the distances read cell averages, exact integrals of its element polynomials.
         */
        @Override
        RecordedRun solve(meanfield.app.problem.ModelProblem model) {
            NifProblem p = (NifProblem) model;
            if (!p.spectral()) {
                return super.solve(model);
            }
            return SolveRun.inMemory(model, continuumVariables(), false,
                    sink -> new SpectralCellAverages(p.elements(), p.v(), sink));
        }

        @Override
        meanfield.app.problem.ModelProblem doubled(CommonOptions options) {
            List<String> sets = new ArrayList<>(List.of("grid.v.cells=" + 2 * nif.v().cells()));
            if (nif.spectral()) {
                // Exponential in the degree: eight more are as far beyond the run's error as twice the cells are.
                sets.add("grid.v.order=" + (nif.elements().degree() + 8));
            }
            if (!(nif.model().kernel() instanceof SynapticKernel.CellAveraged)) {
                // A cell-averaged kernel file fixes the label grid; a function or a measure fits any.
                sets.add("grid.xi.cells=" + 2 * nif.labels().cells());
            }
            sets.addAll(List.of(refinedTime(nif)));
            return options.readProblem(sets).model();
        }
    }

    /** TOPO and MV on the torus: position (and velocity node) histograms against rho (or f_k). */
    static final class Torus extends ValidationModel {
        private final boolean topo;
        private final int dimension;
        private final int components;
        private final int bins;
        private final int factor;
        private final double[] outputTimes;

        Torus(Problem problem, double[] times) {
            super(problem, times);
            this.topo = problem.model() instanceof TopoProblem;
            this.dimension = topo ? ((TopoProblem) problem.model()).model().dimension()
                    : ((MvProblem) problem.model()).model().dimension();
            this.components = topo ? ((TopoProblem) problem.model()).model().velocityCount() : 1;
            this.bins = problem.particles().bins();
            // W1 in x reads histograms this many times finer per axis than particles.bins.
            this.factor = Math.max(1, (int) (Math.pow(FINE_TORUS_BINS, 1.0 / dimension) / bins));
            double every = problem.time().outputEvery();
            int outputs = (int) Math.round(problem.time().end() / every);
            this.outputTimes = new double[outputs + 1];
            for (int o = 0; o <= outputs; o++) {
                outputTimes[o] = Math.min(o * every, problem.time().end());
            }
        }

        @Override
        boolean hasNetwork() {
            return false;
        }

        @Override
        double[] comparisonTimes() {
            double[] t = new double[times.length];
            for (int s = 0; s < t.length; s++) {
                t[s] = outputTimes[nearest(outputTimes, times[s])];
            }
            return t;
        }

        private String histogram() {
            return topo ? "joint" : "position_hist";
        }

        @Override
        ParticleRun run(int n, long seed, boolean networkKernel, DoubleConsumer progress) {
            ParticleJob job = topo ? new FieldParticles.Topo((TopoProblem) problem.model(), problem.particles(),
                    bins * factor, n, seed)
                    : new FieldParticles.Mv((MvProblem) problem.model(), problem.particles(), bins * factor, n, seed, 1);
            RecordedResult record = new RecordedResult(Set.of(histogram()), false);
            try {
                job.run(record, null, progress);
            } catch (InvalidModelException e) {
                throw new ProblemException(problem.model().keyOf(e.part()), e.getMessage());
            }
            String failure = job.failure().orElse(null);
            Map<String, double[]> observables = new LinkedHashMap<>();
            double[] t = comparisonTimes();
            double[] recorded = record.times();
            for (int s = 0; s < times.length; s++) {
                int o = nearest(recorded, t[s]);
                boolean reached = recorded.length > 0 && Math.abs(recorded[o] - t[s]) < 1e-9 * problem.time().end();
                observables.put("hist" + s, reached ? record.get(histogram(), o).clone() : null);
            }
            return new ParticleRun(observables, null, failure);
        }

        @Override
        Set<String> continuumVariables() {
            return Set.of(topo ? "density" : "rho");
        }

        @Override
        String primary() {
            return "error_density";
        }

        @Override
        List<ValidationDistance> distances(int n) {
            List<ValidationDistance> list = new ArrayList<>();
            double[] t = comparisonTimes();
            String variable = topo ? "density" : "rho";
            for (int s = 0; s < times.length; s++) {
                int slot = s;
                String l1 = topo ? String.format(Locale.ROOT, "L1 of the joint (position bin, velocity node) masses at t ="
                        + " %.4g: sum_B sum_k |joint_N(B, k) - int_B f_k dx| (particles.bins bins per axis)", t[s])
                        : String.format(Locale.ROOT, "L1 of the binned density at t = %.4g: sum_B |hist_N(B) - int_B rho dx|"
                        + " (particles.bins bins per axis)", t[s]);
                list.add(new ValidationDistance(atTime("error_density", s), l1, "hist" + s,
                        c -> coarse(c, variable, t[slot]),
                        (p, c) -> topo ? new JointMassDistance(new double[] {0}, dimension, bins, components).distance(
                                TorusCoarsening.coarsen(p, dimension, bins * factor, factor, components), c)
                                : new BinnedDensityDistance(new double[] {0}, dimension, bins).distance(
                                        TorusCoarsening.coarsen(p, dimension, bins * factor, factor, 1), c), false));
                CircularWassersteinDistance w1 = new CircularWassersteinDistance(dimension, bins * factor, components);
                list.add(new ValidationDistance(atTime("w1_x", s), String.format(Locale.ROOT, "W1 in x on the circle at t ="
                        + " %.4g: min_m int_0^1 |F_N(x) - F(x) - m| dx (median trick) on %d bins per axis%s", t[s],
                        bins * factor, dimension > 1 ? ", summed over the axes' marginals" : ""), "hist" + s,
                        c -> new TorusBinMasses(c.layout().axis("x").values(), dimension, bins * factor, components)
                                .masses(at(c, variable, t[slot])), w1::distance, true));
            }
            return list;
        }

        private double[] coarse(RecordedResult c, String variable, double t) {
            return new TorusBinMasses(c.layout().axis("x").values(), dimension, bins, components)
                    .masses(at(c, variable, t));
        }

        private static double[] at(RecordedResult c, String variable, double t) {
            return c.get(variable, nearest(c.times(), t));
        }

        @Override
        long runBytes(int n) {
            // Particle state, and the fine histograms of every output.
            long perOutput = 8L * (long) Math.pow(bins * factor, dimension) * components;
            return 64L * n + perOutput * 2 * (outputTimes.length + 1);
        }

        @Override
        meanfield.app.problem.ModelProblem doubled(CommonOptions options) {
            int cells = (Integer) problem.model().gridSummary().get("x_cells");
            List<String> sets = new ArrayList<>(List.of("grid.x.cells=" + 2 * cells));
            sets.addAll(List.of(refinedTime(problem.model())));
            return options.readProblem(sets).model();
        }
    }
}
