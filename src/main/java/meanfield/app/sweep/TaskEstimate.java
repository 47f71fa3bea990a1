package meanfield.app.sweep;

import java.util.List;

import meanfield.app.problem.NifProblem;
import meanfield.app.problem.ParticleSettings;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemSource;

/**
 * An up-front estimate of one task's memory and time, for the Slurm request. Memory follows the
 * estimates the commands make themselves: a field of {@code valuesPerOutput} doubles with about 24
 * work arrays (as {@code converge} checks its levels), and for particles the network's bytes
 * ({@link ParticleSettings#networkBytes}; a file network, whose size is known only once read, at 16
 * bytes a synapse of the mean in-degree) plus 64 bytes per neuron (as {@code validate} checks its
 * runs), plus 256 MiB for the JVM itself. Time is a rough rule, documented in the README: work
 * units at 10^8 per second, times 3 for safety, plus 2 minutes of start-up:
 * a solve costs 20 steps per output interval over the field's values; a particle run costs, per
 * step of particles.dt, 50 per particle and 0.05 per synapse (spikes travel along a few percent of
 * the synapses per step). A converge task counts its finest level twice, a validate task its
 * largest N (a task of {@code validate --engine slurm} its own N) once per seed plus the continuum.
 */
record TaskEstimate(long bytes, long seconds) {
    private static final long JVM_BYTES = 256L << 20;
    private static final double WORK_PER_SECOND = 1e8;
    /** The option by which a converge task runs one level of a study handed to Slurm (ConvergeCommand). */
    static final String LEVEL_TASK = "--level-task";
    /** The option by which a validate task runs the seeds of one N, its particles.n (ValidateCommand). */
    static final String RUNS_TASK = "--runs-task";

    static TaskEstimate of(SweepDefinition definition, SweepTask task) {
        ProblemSource source = ProblemSource.load(definition.problem());
        definition.overrides().forEach(source::set);
        task.values().forEach((k, v) -> source.set(k + "=" + v));
        Problem p = Problem.read(source);
        List<String> args = definition.arguments();
        double outputs = Math.ceil(p.time().end() / p.time().outputEvery());
        double fieldValues = p.model().valuesPerOutput();
        ParticleSettings particles = p.particles();
        double bytes;
        double work;
        switch (definition.command()) {
            case "solve" -> {
                bytes = 8 * fieldValues * 24;
                work = fieldValues * outputs * 20;
            }
            case "simulate" -> {
                int n = (int) option(args, "--particles", particles.n());
                bytes = particleBytes(p, n);
                work = particleWork(p, n);
            }
            case "stationary" -> {
                // Dense per-label operators: m^2 values per label, m^3 / 3 per factorization, a few Newton
                // iterations, times the branch's points and corrector steps with --continue.
                double perLabel = fieldValues / Math.max(1, ((NifProblem) p.model()).labels().cells());
                double labels = fieldValues / perLabel;
                double points = args.contains("--continue") ? 20 * option(args, "--steps", 40) * 10 : 10;
                bytes = 8 * 6 * labels * perLabel * perLabel;
                work = points * labels * perLabel * perLabel * perLabel / 3;
            }
            case "validate" -> {
                double largest = 0;
                // A task of 'validate --engine slurm' runs the N its particles.n holds (and the continua, counted below).
                String list = args.contains(RUNS_TASK) ? String.valueOf(particles.n())
                        : stringOption(args, "--particles", String.valueOf(particles.n()));
                for (String part : list.split(",")) {
                    largest = Math.max(largest, Double.parseDouble(part.trim()));
                }
                int seeds = Math.max(1, definition.seeds().size());
                // The continuum at double resolution: 4 times the field in 2 grid dimensions.
                bytes = particleBytes(p, (int) largest) + 8 * 4 * fieldValues * 24;
                work = seeds * particleWork(p, (int) largest) + 4 * fieldValues * outputs * 20 * 2;
            }
            default -> {
                String refine = stringOption(args, "--refine", "");
                // A level of 'converge --engine slurm' is one solve at the value its task sets: no finest level.
                boolean oneLevel = args.contains(LEVEL_TASK);
                double levels = oneLevel ? 1 : option(args, "--levels", 4);
                double factor = option(args, "--factor", 2);
                double growth = Math.pow(factor, levels - 1);
                if (refine.equals("particles")) {
                    int n = (int) (option(args, "--from", particles.n()) * growth);
                    bytes = particleBytes(p, n) + 8 * fieldValues * 24;
                    work = option(args, "--seeds", 1) * particleWork(p, n) * 2;
                } else {
                    // Refining a count grows the finest field by factor^(levels-1), refining a step its step count.
                    double finest = refine.startsWith("time.") ? fieldValues : fieldValues * growth;
                    double steps = refine.startsWith("time.") ? growth : 1;
                    int copies = oneLevel ? 1 : 2;
                    bytes = copies * 8 * finest * 24;
                    work = copies * finest * outputs * 20 * steps;
                }
            }
        }
        long seconds = (long) Math.ceil(120 + 3 * work / WORK_PER_SECOND);
        return new TaskEstimate((long) Math.min(Long.MAX_VALUE / 4.0, bytes + JVM_BYTES), seconds);
    }

    private static double synapses(Problem p, int n) {
        ParticleSettings s = p.particles();
        return switch (s.connectivity()) {
            case "dense" -> (double) n * n;
            case "nearest-labels" -> s.nearestSynapses(n);
            default -> (double) n * Math.min(n, s.degree());
        };
    }

    private static double particleBytes(Problem p, int n) {
        if (!(p.model() instanceof NifProblem)) {
            return 64.0 * n;
        }
        ParticleSettings s = p.particles();
        double network = s.connectivity().equals("file") ? 16 * synapses(p, n) : s.networkBytes(n);
        return network + 64.0 * n;
    }

    private static double particleWork(Problem p, int n) {
        double synapses = p.model() instanceof NifProblem ? synapses(p, n) : 0;
        // Exact topological particles have no step (dt NaN): charged as 1e-3, as before particles.method existed.
        double dt = Double.isNaN(p.particles().dt()) ? 1e-3 : p.particles().dt();
        double steps = p.time().end() / dt;
        return steps * (50.0 * n + 0.05 * synapses);
    }

    private static double option(List<String> args, String name, double fallback) {
        String text = stringOption(args, name, null);
        try {
            return text == null ? fallback : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The value of {@code --name V} or {@code --name=V} among the command's own options. */
    private static String stringOption(List<String> args, String name, String fallback) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(name + "=")) {
                return args.get(i).substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
