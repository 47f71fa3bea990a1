package meanfield.app.problem;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import meanfield.app.formula.Formula;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.AffineDrift;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.StepKernel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.nif.NifSolver;
import meanfield.solvers.nif.NifFiniteVolume;
import meanfield.solvers.nif.NifSpectral;
import meanfield.grids.LobattoElements;
import meanfield.solvers.nif.NifConstantRateSolution;
import meanfield.solvers.nif.NifManufactured;
import meanfield.solvers.run.ExactSolution;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.TimeControl;

/** A NIF problem read from its file: the model, the v and label grids and the time control. */
public record NifProblem(NifModel model, UniformGrid v, LobattoElements elements, UniformGrid labels, TimeControl time,
        String scheme, String solver) implements ModelProblem {
    /** Default polynomial degree of the spectral elements in v. */
    public static final int DEFAULT_ORDER = 24;
    /** Default number of spectral elements (at least one on each side of v_R). */
    public static final int DEFAULT_ELEMENTS = 4;
    /** Default local error tolerance of the spectral solver's adaptive step (L1 per label). */
    public static final double SPECTRAL_TOLERANCE = 1e-8;


    static NifProblem read(ConfigNode root, Path directory) {
        ConfigNode nif = root.child("nif");
        ConfigNode grid = root.child("grid");
        double reset = nif.number("reset", 0.0);
        double sigma = nif.number("sigma");
        if (!(sigma >= 0)) {
            throw new ProblemException(nif.key("sigma"), "must be >= 0, got " + sigma);
        }
        Drift drift = drift(nif);
        OptionalDouble threshold = nif.has("threshold") ? OptionalDouble.of(nif.number("threshold"))
                : OptionalDouble.empty();
        FiringRate rate = nif.has("rate") ? rate(nif) : FiringRate.NONE;
        if (!nif.has("rate") && threshold.isEmpty()) {
            throw new ProblemException(nif.key("rate"), "missing: give a firing rate nu(v) or a hard threshold (nif.threshold)");
        }
        if (threshold.isPresent() && !(sigma > 0)) {
            throw new ProblemException(nif.key("threshold"), "a hard threshold needs sigma > 0");
        }

        ConfigNode vNode = grid.child("v");
        double vMin = vNode.number("min");
        double vMax = threshold.isPresent() ? vNode.number("max", threshold.getAsDouble()) : vNode.number("max");
        int vCells = vNode.positiveInteger("cells", 400);
        int order = vNode.positiveInteger("order", DEFAULT_ORDER);
        int elementCount = vNode.positiveInteger("elements", DEFAULT_ELEMENTS);
        if (order < 2) {
            throw new ProblemException(vNode.key("order"), "the spectral elements need degree >= 2, got " + order);
        }
        if (!(vMax > vMin)) {
            throw new ProblemException(vNode.key("max"), "must be greater than grid.v.min = " + vMin + ", got " + vMax);
        }
        if (threshold.isPresent() && vMax != threshold.getAsDouble()) {
            throw new ProblemException(vNode.key("max"), "with a hard threshold the v domain ends at it: set it to "
                    + threshold.getAsDouble() + " (nif.threshold), got " + vMax);
        }
        if (!(reset >= vMin && reset <= vMax)) {
            throw new ProblemException(nif.key("reset"), "v_R = " + reset + " lies outside the v domain [" + vMin + ", "
                    + vMax + "] (grid.v)");
        }
        int xiCells = grid.childOrEmpty("xi").positiveInteger("cells", 64);
        UniformGrid v = new UniformGrid(vMin, vMax, vCells);
        UniformGrid labels = UniformGrid.unitInterval(xiCells);

        SynapticKernel kernel = kernel(nif, directory, xiCells);
        Formula initial = nif.formula("initial", null, "v", "xi");
        String solver = root.choice("solver", "finite-volume", "finite-volume", "spectral");
        TimeSection time = TimeSection.read(root.child("time"), solver.equals("spectral") ? SPECTRAL_TOLERANCE
                : NifSolver.DEFAULT_TOLERANCE);
        LobattoElements elements = spectralElements(vMin, vMax, reset, elementCount, order, vNode);
        try {
            NifModel model = new NifModel(reset, sigma, drift, rate, threshold, kernel, initial::value);
            return new NifProblem(model, v, elements, labels, time.control(), time.scheme(), solver);
        } catch (InvalidModelException e) {
            throw new ProblemException(KEYS.keyOf(e.part()), e.getMessage());
        }
    }

    /** Keys of model parts before a problem exists. */
    private static final ModelProblem KEYS = new NifProblem(null, null, null, null, null, null, null);

    /**
     * {@code count} elements of degree {@code order} on [min, max] with a breakpoint at v_R: each side
     * of v_R gets a share proportional to its length, at least one.
     */
    static LobattoElements spectralElements(double min, double max, double reset, int count, int order, ConfigNode vNode) {
        boolean left = reset > min;
        boolean right = reset < max;
        int sides = (left ? 1 : 0) + (right ? 1 : 0);
        if (count < sides) {
            throw new ProblemException(vNode.key("elements"), "needs at least " + sides + " elements (one on each side of"
                    + " v_R = " + reset + "), got " + count);
        }
        if (!left || !right) {
            return new LobattoElements(LobattoElements.breakpoints(new double[] {min, max}, new int[] {count}), order);
        }
        int leftCount = (int) Math.round(count * (reset - min) / (max - min));
        leftCount = Math.max(1, Math.min(count - 1, leftCount));
        return new LobattoElements(LobattoElements.breakpoints(new double[] {min, reset, max},
                new int[] {leftCount, count - leftCount}), order);
    }

    @Override
    public String name() {
        return "nif";
    }

    @Override
    public SemiDiscretization discretize(ColumnPool pool) {
        return spectral() ? new NifSpectral(model, elements, labels, pool) : new NifFiniteVolume(model, v, labels, pool);
    }

    public boolean spectral() {
        return "spectral".equals(solver);
    }

    @Override
    public ExactSolution exactSolution() {
        refuseSpectral("--reference exact");
        NifConstantRateSolution.Result exact = NifConstantRateSolution.of(model, v, labels);
        return exact.solution().orElseThrow(() -> new ProblemException("--reference", "this problem has no exact"
                + " solution: it has " + exact.missing() + "; MODEL.md 1.3's needs a constant rate, a drift -a v + I(xi)"
                + " with a > 0, sigma > 0 and a Gaussian f0 in v"));
    }

    @Override
    public ManufacturedSolution manufactured(ColumnPool pool) {
        refuseSpectral("--reference manufactured");
        return NifManufactured.of(model, v, labels, pool);
    }

    /** The exact and manufactured references are projected on cells: the spectral nodes have none yet. */
    private void refuseSpectral(String what) {
        if (spectral()) {
            throw new ProblemException("solver", what + " is available for the finite volumes only; with solver: spectral"
                    + " use --reference finest or richardson");
        }
    }

    @Override
    public long valuesPerOutput() {
        return (long) (spectral() ? elements.size() : v.cells()) * labels.cells();
    }

    @Override
    public Map<String, Object> gridSummary() {
        Map<String, Object> grid = new LinkedHashMap<>();
        if (spectral()) {
            grid.put("v_elements", elements.elements());
            grid.put("v_order", elements.degree());
            grid.put("v_nodes", elements.size());
        } else {
            grid.put("v_cells", v.cells());
        }
        grid.put("xi_cells", labels.cells());
        return grid;
    }

    @Override
    public String modelKey(InvalidModelException.Part part) {
        return switch (part) {
            case RESET -> "nif.reset";
            case SIGMA -> "nif.sigma";
            case DRIFT -> "nif.drift";
            case RATE -> "nif.rate";
            case THRESHOLD -> "nif.threshold";
            case KERNEL -> "nif.kernel";
            case INITIAL -> "nif.initial";
            case GRID -> "grid.v";
            default -> "nif";
        };
    }

    private static Drift drift(ConfigNode nif) {
        if (nif.raw("drift") instanceof java.util.Map) {
            ConfigNode family = nif.child("drift");
            String name = family.onlyKey();
            if (!name.equals("lif")) {
                throw new ProblemException(family.key(name), "unknown drift family (known: lif)");
            }
            ConfigNode lif = family.child("lif");
            double tau = lif.positive("tau", 1.0);
            double rest = lif.number("rest", 0.0);
            Formula input = lif.formula("input", "0", "t", "xi");
            boolean timeDependent = input.uses("t");
            Drift.Autonomous autonomous = (v, xi) -> -(v - rest) / tau + input.value(0.0, xi);
            Drift lifDrift = timeDependent ? (t, v, xi) -> -(v - rest) / tau + input.value(t, xi)
                    : Drift.autonomous(autonomous);
            return AffineDrift.of(lifDrift, (t, xi) -> -1 / tau, (t, xi) -> rest / tau + input.value(t, xi));
        }
        Formula mu = nif.formula("drift", null, "t", "v", "xi");
        Drift drift = mu.uses("t") ? mu::value : Drift.autonomous((v, xi) -> mu.value(0.0, v, xi));
        // Affine in v (found on the parsed formula): the particle simulator tabulates slope and intercept per neuron.
        return mu.affineIn("v").<Drift>map(split -> AffineDrift.of(drift, (t, xi) -> split.slope().value(t, 0.0, xi),
                (t, xi) -> split.intercept().value(t, 0.0, xi))).orElse(drift);
    }

    private static FiringRate rate(ConfigNode nif) {
        if (!(nif.raw("rate") instanceof java.util.Map)) {
            Formula nu = nif.formula("rate", null, "v");
            // A finite bound over all v lets the particle simulator decide spikes by thinning (the same law).
            double bound = nu.range(Map.of())[1];
            return Double.isFinite(bound) && bound >= 0 ? FiringRate.bounded(nu::value, bound) : nu::value;
        }
        ConfigNode family = nif.child("rate");
        String name = family.onlyKey();
        switch (name) {
            case "sigmoid": {
                ConfigNode p = family.child(name);
                return FiringRate.sigmoid(p.positive("max", 1.0), p.number("theta"), p.positive("width", 1.0));
            }
            case "exponential": {
                ConfigNode p = family.child(name);
                return FiringRate.exponential(p.positive("nu0", 1.0), p.number("theta"), p.positive("width", 1.0));
            }
            case "constant": {
                ConfigNode p = family.child(name);
                double lambda = p.number("lambda");
                if (!(lambda >= 0)) {
                    throw new ProblemException(p.key("lambda"), "must be >= 0, got " + lambda);
                }
                return FiringRate.constant(lambda);
            }
            default:
                throw new ProblemException(family.key(name), "unknown rate family (known: sigmoid, exponential, constant)");
        }
    }

    private static SynapticKernel kernel(ConfigNode nif, Path directory, int xiCells) {
        if (!nif.has("kernel")) {
            nif.string("kernel", "0");
        }
        if (!(nif.raw("kernel") instanceof java.util.Map)) {
            Formula w = nif.formula("kernel", null, "xi", "zeta");
            return new SynapticKernel.Function(w::value);
        }
        ConfigNode family = nif.child("kernel");
        String name = family.onlyKey();
        String key = family.key(name);
        if (name.equals("measure")) {
            return measure(family);
        }
        if (!name.equals("matrix") && !name.equals("network")) {
            throw new ProblemException(key, "unknown kernel form (known: a formula, matrix, network, measure)");
        }
        Path file = directory.resolve(family.string(name, null));
        MatrixMarket m = MatrixMarket.read(key, file);
        if (m.rows() != m.columns()) {
            throw new ProblemException(key, file + " is " + m.rows() + " x " + m.columns() + ", not square");
        }
        if (name.equals("matrix")) {
            if (m.rows() != xiCells) {
                throw new ProblemException(key, file + " holds a " + m.rows() + " x " + m.rows()
                        + " cell-averaged kernel but the label grid has grid.xi.cells = " + xiCells);
            }
            return new SynapticKernel.CellAveraged(xiCells, m.dense());
        }
        return StepKernel.fromEntries(m.rows(), m.rowIndex(), m.columnIndex(), m.values(), xiCells);
    }

    /**
     * {@code measure: [{weight: a(xi), map: T(xi)}, ...]}: w(xi, d zeta) = sum_k a_k(xi) delta(zeta - T_k(xi)),
     * the maps taken mod 1 by the model. Both are formulas in xi (and the parameters).
     */
    private static SynapticKernel measure(ConfigNode family) {
        java.util.List<ConfigNode> entries = family.childList("measure");
        if (entries.isEmpty()) {
            throw new ProblemException(family.key("measure"), "must list at least one atom, e.g."
                    + " [{weight: \"0.5\", map: \"xi + 0.25\"}]");
        }
        java.util.List<SynapticKernel.Atom> atoms = new java.util.ArrayList<>();
        for (ConfigNode entry : entries) {
            Formula weight = entry.formula("weight", null, "xi");
            Formula map = entry.formula("map", null, "xi");
            atoms.add(new SynapticKernel.Atom(weight::value, map::value));
        }
        return new SynapticKernel.Measure(atoms);
    }

}
