package meanfield.app.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import meanfield.app.formula.Formula;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.mv.MvModel;
import meanfield.solvers.mv.TorusFunction;
import meanfield.solvers.mv.MvManufactured;
import meanfield.solvers.mv.MvSpectral;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.ExactSolution;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.TimeControl;

/** An MV problem read from its file: the model, the collocation grid and the time control. */
public record MvProblem(MvModel model, PeriodicGrid grid, TimeControl time, String scheme) implements ModelProblem {
    /** Keys of model parts before a problem exists. */
    private static final ModelProblem KEYS = new MvProblem(null, null, null, null);
    private static final String[] AXES = {"x", "y", "z"};

    static MvProblem read(ConfigNode root) {
        ConfigNode mv = root.child("mv");
        double dimensionValue = mv.number("dimension", 1);
        if (dimensionValue != 1 && dimensionValue != 2 && dimensionValue != 3) {
            throw new ProblemException(mv.key("dimension"), "must be 1, 2 or 3, got " + dimensionValue);
        }
        int d = (int) dimensionValue;
        String[] variables = java.util.Arrays.copyOf(AXES, d);
        double sigma = mv.number("sigma");
        if (!(sigma >= 0)) {
            throw new ProblemException(mv.key("sigma"), "must be >= 0, got " + sigma);
        }
        Object raw = mv.raw("interaction");
        List<?> texts = raw instanceof List<?> list ? list : List.of(raw);
        if (texts.size() != d) {
            throw new ProblemException(mv.key("interaction"), "Kf needs " + d + " component" + (d == 1 ? "" : "s")
                    + " in dimension " + d + " (a formula, or a list [Kx, Ky, ...]), got " + texts.size());
        }
        List<TorusFunction> interaction = new ArrayList<>();
        for (Object text : texts) {
            Formula component = mv.formulaAt(mv.key("interaction"), String.valueOf(text), variables);
            interaction.add(component::valueAt);
        }
        Formula initial = mv.formula("initial", null, variables);
        int n = root.child("grid").child("x").positiveInteger("cells", d == 1 ? 256 : 64);
        if (n < 4 || n % 2 != 0) {
            throw new ProblemException("grid.x.cells", "the spectral solver needs an even number of points >= 4, got " + n);
        }
        TimeSection time = TimeSection.read(root.child("time"), meanfield.solvers.catalogue.PublicProblems.MV_TOLERANCE);
        root.choice("solver", "spectral", "spectral");
        try {
            return new MvProblem(new MvModel(d, sigma, interaction, initial::valueAt), new PeriodicGrid(d, n),
                    time.control(), time.scheme());
        } catch (InvalidModelException e) {
            throw new ProblemException(KEYS.keyOf(e.part()), e.getMessage());
        }
    }

    @Override
    public String name() {
        return "mv";
    }

    @Override
    public String solver() {
        return "spectral";
    }

    @Override
    public ExactSolution exactSolution() {
        throw new ProblemException("--reference", "this problem has no exact solution (MODEL.md 3 knows mv only near the uniform state, linearized); use manufactured, finest or richardson");
    }

    @Override
    public ManufacturedSolution manufactured(ColumnPool pool) {
        return MvManufactured.of(model, grid, pool);
    }

    @Override
    public SemiDiscretization discretize(ColumnPool pool) {
        return new MvSpectral(model, grid, pool);
    }

    @Override
    public long valuesPerOutput() {
        return grid.size();
    }

    @Override
    public Map<String, Object> gridSummary() {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("dimension", grid.dimension());
        summary.put("x_cells", grid.n());
        return summary;
    }

    @Override
    public String modelKey(InvalidModelException.Part part) {
        return switch (part) {
            case SIGMA -> "mv.sigma";
            case KERNEL -> "mv.interaction";
            case INITIAL -> "mv.initial";
            default -> "mv";
        };
    }
}
