package meanfield.app.problem;

import meanfield.solvers.time.TimeControl;

/**
 * A problem read and checked: its source (for names and the resolved YAML) and the part of its
 * model (exactly one of nif, topo, mv is set).
 */
public record Problem(ProblemSource source, String model, NifProblem nif, TopoProblem topo, MvProblem mv,
        ParticleSettings particles) {

    /** Reads the whole tree (particles included, whatever the command), then rejects any key that no reader asked for. */
    public static Problem read(ProblemSource source) {
        ConfigNode root = new ConfigNode("", source.tree());
        String model = root.choice("model", null, "nif", "topo", "mv");
        NifProblem nif = model.equals("nif") ? NifProblem.read(root, source.directory()) : null;
        TopoProblem topo = model.equals("topo") ? TopoProblem.read(root) : null;
        MvProblem mv = model.equals("mv") ? MvProblem.read(root) : null;
        ParticleSettings particles = ParticleSettings.read(root.childOrEmpty("particles"), source.directory());
        Problem problem = new Problem(source, model, nif, topo, mv, particles);
        root.rejectUnknownKeys();
        return problem;
    }

    public TimeControl time() {
        return nif != null ? nif.time() : topo != null ? topo.time() : mv.time();
    }
}
