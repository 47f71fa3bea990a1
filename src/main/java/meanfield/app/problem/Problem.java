package meanfield.app.problem;

/** A problem read and checked: its source (for names and the resolved YAML) and its model. */
public record Problem(ProblemSource source, String model, NifProblem nif) {

    /** Reads the whole tree, then rejects any key that no reader asked for. */
    public static Problem read(ProblemSource source) {
        ConfigNode root = new ConfigNode("", source.tree());
        String model = root.choice("model", null, "nif", "topo", "mv");
        if (!model.equals("nif")) {
            throw new ProblemException("model", "no solver for model '" + model + "' in this version yet (available: nif)");
        }
        NifProblem nif = NifProblem.read(root, source.directory());
        root.rejectUnknownKeys();
        return new Problem(source, model, nif);
    }
}
