package meanfield.app.problem;

import meanfield.solvers.time.TimeControl;

/**
 * A problem read and checked: its source (for names and the resolved YAML), its model part, its
 * particles section and its output section.
 */
public record Problem(ProblemSource source, ModelProblem model, ParticleSettings particles, OutputSettings output) {

    /** A problem with the default output section. */
    public Problem(ProblemSource source, ModelProblem model, ParticleSettings particles) {
        this(source, model, particles, OutputSettings.DEFAULT);
    }

    /** Reads the whole tree (particles included, whatever the command), then rejects any key that no reader asked for. */
    public static Problem read(ProblemSource source) {
        ConfigNode root = new ConfigNode("", source.tree());
        root.useParameters(Parameters.read(root));
        String name = root.choice("model", null, "nif", "topo", "mv");
        ModelProblem model = switch (name) {
            case "nif" -> NifProblem.read(root, source.directory());
            case "topo" -> TopoProblem.read(root);
            case "mv" -> MvProblem.read(root);
            default -> throw new IllegalStateException("model " + name + " passed the choice of known models");
        };
        ParticleSettings particles = ParticleSettings.read(root.childOrEmpty("particles"), source.directory(), model);
        OutputSettings output = OutputSettings.read(root.childOrEmpty("output"));
        Problem problem = new Problem(source, model, particles, output);
        root.rejectUnknownKeys();
        return problem;
    }

    public TimeControl time() {
        return model.time();
    }
}
