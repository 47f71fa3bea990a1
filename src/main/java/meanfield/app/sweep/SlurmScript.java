package meanfield.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sweep.sbatch}: a job array of {@code shards} elements; element I runs
 * {@code meanfield sweep ... --shard I/N} on its share of the tasks, one thread each. The sweep's
 * own command line is rebuilt from its definition, so every element checks that it runs the sweep
 * sweep.json holds. --mem and --time come from the largest task estimate (times the tasks per
 * element) unless {@code --slurm-options} sets them.
 */
final class SlurmScript {
    static final String FILE = "sweep.sbatch";

    private SlurmScript() {
    }

    static String text(SweepDefinition definition, Path sweepDirectory, Path launcher, int shards, TaskEstimate largest,
            int tasksPerShard, String slurmOptions) {
        List<String> user = slurmOptions == null || slurmOptions.isBlank() ? List.of()
                : Arrays.asList(slurmOptions.trim().split("\\s+"));
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# meanfield sweep: ").append(definition.tasks().size()).append(" task(s) in ").append(shards)
                .append(" array element(s); written by 'meanfield sweep --engine slurm'.\n");
        s.append("#SBATCH --job-name=meanfield-sweep\n");
        s.append("#SBATCH --array=1-").append(shards).append('\n');
        s.append("#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n");
        if (user.stream().noneMatch(o -> o.startsWith("--mem"))) {
            // The launcher gives the JVM 70 % of the allocation as heap.
            long mib = (long) Math.ceil(largest.bytes() / 0.7 / (1 << 20));
            s.append("#SBATCH --mem=").append(mib).append("M\n");
        }
        if (user.stream().noneMatch(o -> o.startsWith("--time") || o.startsWith("-t"))) {
            s.append("#SBATCH --time=").append(clock(largest.seconds() * tasksPerShard)).append('\n');
        }
        s.append("#SBATCH --output=").append(sweepDirectory.resolve("slurm").resolve("%A_%a.out")).append('\n');
        s.append("#SBATCH --chdir=").append(Path.of("").toAbsolutePath()).append('\n');
        for (String o : user) {
            s.append("#SBATCH ").append(o).append('\n');
        }
        s.append("set -euo pipefail\n");
        List<String> line = new ArrayList<>();
        line.add(launcher.toString());
        line.addAll(arguments(definition, sweepDirectory));
        int dash = line.indexOf("--");
        List<String> quoted = line.stream().map(SlurmScript::quote).toList();
        List<String> head = new ArrayList<>(dash < 0 ? quoted : quoted.subList(0, dash));
        head.add("--shard");
        head.add("\"${SLURM_ARRAY_TASK_ID}/" + shards + "\"");
        if (dash >= 0) {
            head.addAll(quoted.subList(dash, quoted.size()));
        }
        s.append("exec ").append(String.join(" ", head)).append('\n');
        return s.toString();
    }

    /** The sweep's command line from its definition (values as stored, so the definition compares equal). */
    static List<String> arguments(SweepDefinition definition, Path sweepDirectory) {
        List<String> a = new ArrayList<>(List.of("sweep", definition.problem(), "--command", definition.command()));
        for (Dimension d : definition.dimensions()) {
            a.add("--vary");
            a.add(d.key() + "=" + String.join(",", d.values()));
        }
        if (!definition.seeds().isEmpty()) {
            a.add("--seeds");
            a.add(definition.seeds().get(0) + "-" + definition.seeds().get(definition.seeds().size() - 1));
        }
        for (String o : definition.overrides()) {
            a.add("--set");
            a.add(o);
        }
        if (!definition.collect().isEmpty()) {
            a.add("--collect");
            a.add(String.join(",", definition.collect()));
        }
        a.addAll(List.of("--out", sweepDirectory.toString(), "--engine", "local", "--threads", "1"));
        if (!definition.arguments().isEmpty()) {
            a.add("--");
            a.addAll(definition.arguments());
        }
        return a;
    }

    private static String clock(long seconds) {
        long minutes = (seconds + 59) / 60;
        return String.format("%02d:%02d:00", minutes / 60, minutes % 60);
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./=:,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
