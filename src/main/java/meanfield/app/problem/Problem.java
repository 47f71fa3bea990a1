package meanfield.app.problem;

import meanfield.solvers.time.TimeControl;

/**
 * A problem read and checked: its source (for names and the resolved YAML) and the part of its
 * model (exactly one of nif, topo, mv is set).
 */
public record Problem(ProblemSource source, String model, NifProblem nif, TopoProblem topo, MvProblem mv) {

    /** Reads the whole tree, then rejects any key that no reader asked for. */
    public static Problem read(ProblemSource source) {
        ConfigNode root = new ConfigNode("", source.tree());
        String model = root.choice("model", null, "nif", "topo", "mv");
        Problem problem = switch (model) {
            case "nif" -> new Problem(source, model, NifProblem.read(root, source.directory()), null, null);
            case "topo" -> new Problem(source, model, null, TopoProblem.read(root), null);
            default -> new Problem(source, model, null, null, MvProblem.read(root));
        };
        root.rejectUnknownKeys();
        return problem;
    }

    public TimeControl time() {
        return nif != null ? nif.time() : topo != null ? topo.time() : mv.time();
    }
}
