package meanfield.benchmarks;

import java.nio.file.Path;

/**
 * The options every whole-run main takes: {@code --quick} (a smoke run) and {@code --json FILE}
 * (its figures for {@code meanfield bench}); anything else prints the usage and exits with 2.
 *
 * @param json the figures' file, or null
 */
record RunOptions(boolean quick, Path json) {
    static RunOptions parse(String benchmark, String[] args) {
        boolean quick = false;
        Path json = null;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--quick" -> quick = true;
                case "--json" -> json = Figures.path(args, ++a);
                default -> {
                    System.err.println("usage: " + benchmark + " [--quick] [--json FILE]");
                    System.exit(2);
                }
            }
        }
        return new RunOptions(quick, json);
    }
}
