package meanfield.app.problem;

/** A problem read and checked: its source (for names and the resolved YAML) and its model's part. */
public record Problem(ProblemSource source, String model, NifProblem nif, TopoProblem topo) {

    /** Reads the whole tree, then rejects any key that no reader asked for. */
    public static Problem read(ProblemSource source) {
        ConfigNode root = new ConfigNode("", source.tree());
        String model = root.choice("model", null, "nif", "topo", "mv");
        Problem problem = switch (model) {
            case "nif" -> new Problem(source, model, NifProblem.read(root, source.directory()), null);
            case "topo" -> new Problem(source, model, null, TopoProblem.read(root));
            default -> throw new ProblemException("model", "no solver for model '" + model
                    + "' in this version yet (available: nif, topo)");
        };
        root.rejectUnknownKeys();
        return problem;
    }
}
