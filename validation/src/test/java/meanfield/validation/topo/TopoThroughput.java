package meanfield.validation.topo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;

/**
 * A throughput check, not a test: P2 of MODEL.md (1D, exponential K, 32 velocities) with N
 * particles up to T = 1, i.e. about N events, reporting events per second for each N given, and
 * the exponent of the cost per event against N fitted over them. Arguments: velocity count, then
 * the particle numbers (default 32 10000 100000 1000000). Wall and thread CPU time are both given:
 * on a shared machine the second is the one to compare (it still counts time lost to cache sharing).
 */
public final class TopoThroughput {
    private TopoThroughput() {
    }

    public static void main(String[] args) {
        int velocities = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int[] sizes = {10_000, 100_000, 1_000_000};
        if (args.length > 1) {
            sizes = new int[args.length - 1];
            for (int a = 1; a < args.length; a++) {
                sizes[a - 1] = Integer.parseInt(args[a]);
            }
        }
        double[][] v = new double[velocities][1];
        for (int k = 0; k < velocities; k++) {
            v[k][0] = velocities == 1 ? 0 : -1 + 2.0 * k / (velocities - 1);
        }
        TopoModel model = new TopoModel(1, RankWeight.exponential(), v,
                (x, u) -> (1 + 0.4 * Math.cos(2 * Math.PI * x[0]))
                        * Math.exp(-Math.pow(u[0] - 0.5 * Math.sin(2 * Math.PI * x[0]), 2) / (2 * 0.3 * 0.3)));
        // A warm-up run so that the timed ones measure compiled code.
        new TopoSimulator(model, 20_000, 7).advance(1.0);
        double[] logN = new double[sizes.length];
        double[] logCost = new double[sizes.length];
        for (int r = 0; r < sizes.length; r++) {
            int n = sizes[r];
            long start = System.nanoTime();
            TopoSimulator simulator = new TopoSimulator(model, n, 1);
            double setup = (System.nanoTime() - start) * 1e-9;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            simulator.advance(1.0);
            double wall = (System.nanoTime() - start) * 1e-9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
            long events = simulator.events();
            System.out.printf(Locale.ROOT,
                    "N = %d: setup %.2f s; %d events (%d velocity changes) in %.2f s wall, %.2f s cpu: "
                            + "%.3g events/s wall, %.3g events/s cpu (%.2f us/event); %d cells per axis%n",
                    n, setup, events, simulator.velocityChanges(), wall, cpu, events / wall, events / cpu,
                    1e6 * cpu / events, simulator.particles().cellsPerAxis());
            logN[r] = Math.log(n);
            logCost[r] = Math.log(cpu / events);
        }
        if (sizes.length > 1) {
            double mx = 0;
            double my = 0;
            for (int r = 0; r < sizes.length; r++) {
                mx += logN[r] / sizes.length;
                my += logCost[r] / sizes.length;
            }
            double sxy = 0;
            double sxx = 0;
            for (int r = 0; r < sizes.length; r++) {
                sxy += (logN[r] - mx) * (logCost[r] - my);
                sxx += (logN[r] - mx) * (logN[r] - mx);
            }
            System.out.printf(Locale.ROOT, "cpu cost per event ~ N^%.3f (least squares over the sizes); whole run to T = 1 ~ N^%.3f%n",
                    sxy / sxx, 1 + sxy / sxx);
        }
    }
}
