package meanfield.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchPlanTest {
    private static final Path DIR = Path.of("/tmp/bench-plan");

    @Test
    void thePeerStepRunsLastWithItsArgumentsAndTheQuickFlag() {
        List<String> peer = List.of("--launcher", "meanfield", "--workload", "w.yaml", "--brian2", "b.py");
        List<BenchPlan.Step> steps = BenchPlan.steps(true, DIR, peer);
        BenchPlan.Step last = steps.get(steps.size() - 1);
        assertEquals(BrianPeer.MAIN, last.name());
        assertEquals("meanfield.benchmarks." + BrianPeer.MAIN, last.arguments().get(0));
        assertTrue(last.arguments().containsAll(peer));
        assertTrue(last.arguments().contains("--quick"));
        assertEquals(DIR.resolve(BrianPeer.MAIN + ".json"), last.result());
    }

    @Test
    void withoutAPeerEveryStepIsAJmhOrWholeRunOfTheBenchmarksJar() {
        List<BenchPlan.Step> steps = BenchPlan.steps(false, DIR, null);
        assertEquals(1 + BenchPlan.WHOLE_RUNS.size(), steps.size());
        assertFalse(steps.stream().anyMatch(s -> s.name().equals(BrianPeer.MAIN)));
        assertFalse(steps.stream().anyMatch(s -> s.arguments().contains("--quick")));
    }
}
