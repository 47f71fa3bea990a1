package meanfield.app.problem;

import meanfield.solvers.time.TimeControl;

/**
 * A problem read and checked: its source (for names and the resolved YAML), its model part, its
 * particles section and its output section.
 */
public record Problem(ProblemSource source, ModelProblem model, ParticleSettings particles, OutputSettings output,
        java.util.Set<String> unusedParameters) {

    /** A problem with the default output section. */
    public Problem(ProblemSource source, ModelProblem model, ParticleSettings particles) {
        this(source, model, particles, OutputSettings.DEFAULT, java.util.Set.of());
    }

    /**
     * Refuses a study over {@code parameters.NAME} when no formula of the problem uses NAME: every
     * level, task or branch point would be the same problem, which looks like a result but is none.
     */
    public void requireUsed(String key, String option) {
        if (key.startsWith("parameters.") && unusedParameters.contains(key.substring("parameters.".length()))) {
            throw new ProblemException(option, key + " is used by no formula of the problem, so varying it changes"
                    + " nothing (use it in a formula, e.g. the kernel, or vary another key)");
        }
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
        Problem problem = new Problem(source, model, particles, output, java.util.Set.copyOf(root.unusedParameters()));
        root.rejectUnknownKeys();
        return problem;
    }

    public TimeControl time() {
        return model.time();
    }
}
