package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;

class SimulateCommandTest {
    @TempDir
    Path tmp;

    private CommandRunner simulate(Path out, String... extra) {
        String[] base = {"simulate", "nif-ring", "--quiet", "--out", out.toString(), "--particles", "64", "--set",
            "time.end=0.2", "--set", "time.output_every=0.1", "--set", "particles.bins=4"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CommandRunner.run(args);
    }

    @Test
    void builtInRingSimulatesSmallWithTheParticlesLayout() throws IOException {
        Path out = tmp.resolve("sim");
        CommandRunner r = simulate(out);
        assertEquals(0, r.status(), r.err());
        try (HdfFile h5 = new HdfFile(out.resolve("particles.h5"))) {
            assertArrayEquals(new int[] {3}, h5.getDatasetByPath("window_edges").getDimensions());
            assertArrayEquals(new int[] {5}, h5.getDatasetByPath("label_edges").getDimensions());
            assertArrayEquals(new int[] {2, 4}, h5.getDatasetByPath("rate").getDimensions());
            assertArrayEquals(new int[] {64}, h5.getDatasetByPath("label").getDimensions());
            assertArrayEquals(new int[] {64}, h5.getDatasetByPath("v_final").getDimensions());
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(64, summary.get("particles").asInt());
        assertEquals(1, summary.get("seeds").get(0).asInt());
        assertEquals(64 * 63, summary.get("runs").get(0).get("synapses").asInt(), "dense, no self-loops");
        // nif-ring's rate is the sigmoid family with max 5.
        assertEquals("thinning against nu_max = 5.0", summary.get("runs").get(0).get("spike_decisions").asText());
        assertTrue(Files.size(out.resolve("particles_rate_heatmap.png")) > 0);
        assertTrue(Files.size(out.resolve("particles_raster.png")) > 0);
        try (HdfFile h5 = new HdfFile(out.resolve("particles.h5"))) {
            // Counts are integers, stored as such.
            long[] counts = (long[]) h5.getDatasetByPath("spike_count").getData();
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            assertEquals((int) total, h5.getDatasetByPath("spike_times").getDimensions()[0]);
            assertEquals(total, ((long[]) h5.getDatasetByPath("spike_neurons").getData()).length);
        }
    }

    @Test
    void aRateFormulaWithAFiniteBoundIsDecidedByThinningAndAnUnboundedOneByTimeRescaling() throws IOException {
        Path bounded = tmp.resolve("bounded");
        assertEquals(0, simulate(bounded, "--set", "nif.rate=4/(1+exp(-(v-0.8)/0.15))").status());
        String decisions = new ObjectMapper().readTree(bounded.resolve("summary.json").toFile()).get("runs").get(0)
                .get("spike_decisions").asText();
        assertTrue(decisions.startsWith("thinning against nu_max = 4.0000000000"), decisions);
        Path unbounded = tmp.resolve("unbounded");
        assertEquals(0, simulate(unbounded, "--set", "nif.rate=0.5*exp((v-1)/0.2)").status());
        assertEquals("time rescaling", new ObjectMapper().readTree(unbounded.resolve("summary.json").toFile())
                .get("runs").get(0).get("spike_decisions").asText());
    }

    @Test
    void severalSeedsGiveOneFileEachAndTheSameSeedTheSameRunForAnyThreadCount() {
        Path many = tmp.resolve("many");
        assertEquals(0, simulate(many, "--seeds", "3,4", "--set", "particles.connectivity=erdos-renyi",
                "--set", "particles.degree=10", "--threads", "2").status());
        Path one = tmp.resolve("one");
        assertEquals(0, simulate(one, "--seed", "3", "--set", "particles.connectivity=erdos-renyi",
                "--set", "particles.degree=10", "--threads", "1").status());
        try (HdfFile a = new HdfFile(many.resolve("particles_seed3.h5")); HdfFile b = new HdfFile(one.resolve("particles.h5"));
                HdfFile c = new HdfFile(many.resolve("particles_seed4.h5"))) {
            assertTrue(Objects.deepEquals(a.getDatasetByPath("v_final").getData(), b.getDatasetByPath("v_final").getData()));
            assertTrue(!Objects.deepEquals(a.getDatasetByPath("v_final").getData(), c.getDatasetByPath("v_final").getData()));
        }
    }

    @Test
    void topologicalAndMcKeanVlasovParticlesWriteTheirHistograms() {
        Path topo = tmp.resolve("topo");
        CommandRunner t = CommandRunner.run("simulate", "topo-1d", "--quiet", "--out", topo.toString(), "--particles",
                "500", "--set", "time.end=0.2", "--set", "time.output_every=0.1", "--set", "particles.bins=8");
        assertEquals(0, t.status(), t.err());
        try (HdfFile h5 = new HdfFile(topo.resolve("particles.h5"))) {
            assertArrayEquals(new int[] {3, 8}, h5.getDatasetByPath("position_hist").getDimensions());
            assertArrayEquals(new int[] {3, 8, 32}, h5.getDatasetByPath("joint").getDimensions());
            assertArrayEquals(new int[] {9}, h5.getDatasetByPath("x_edges").getDimensions());
            double[][] hist = (double[][]) h5.getDatasetByPath("position_hist").getData();
            double mass = 0;
            for (double m : hist[2]) {
                mass += m;
            }
            assertEquals(1.0, mass, 1e-12);
        }
        Path mv = tmp.resolve("mv");
        CommandRunner m = CommandRunner.run("simulate", "mv-1d", "--quiet", "--out", mv.toString(), "--particles", "500",
                "--set", "time.end=0.1", "--set", "time.output_every=0.05", "--set", "particles.bins=8",
                "--set", "particles.dt=0.01");
        assertEquals(0, m.status(), m.err());
        try (HdfFile h5 = new HdfFile(mv.resolve("particles.h5"))) {
            assertArrayEquals(new int[] {3, 8}, h5.getDatasetByPath("position_hist").getDimensions());
        }
    }

    @Test
    void aNetworkFileOfTheWrongSizeAndBadParticleKeysAreUserErrors() throws IOException {
        Path net = tmp.resolve("net.mtx");
        Files.writeString(net, "%%MatrixMarket matrix coordinate real general\n3 3 1\n1 2 0.5\n");
        CommandRunner r = simulate(tmp.resolve("f"), "--set", "particles.connectivity=file", "--set", "particles.file=" + net);
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().contains("particles.file"), r.err());
        CommandRunner d = simulate(tmp.resolve("d"), "--set", "particles.dt=-1");
        assertEquals(Main.USER_ERROR, d.status());
        assertTrue(d.err().contains("particles.dt"), d.err());
    }

    @Test
    void particleSettingsThatDescribeNoRunAreUserErrorsNamingTheKey() {
        CommandRunner one = CommandRunner.run("simulate", "topo-1d", "--quiet", "--out", tmp.resolve("one").toString(),
                "--particles", "1", "--set", "time.end=0.1");
        assertEquals(Main.USER_ERROR, one.status(), one.err());
        assertTrue(one.err().startsWith("error: particles"), one.err());
        CommandRunner degree = simulate(tmp.resolve("degree"), "--set", "particles.connectivity=fixed-in-degree",
                "--set", "particles.degree=100");
        assertEquals(Main.USER_ERROR, degree.status(), degree.err());
        assertTrue(degree.err().startsWith("error: particles"), degree.err());
    }

    @Test
    void anInitialDensityThatCannotBeSampledIsAUserErrorNamingTheKey() {
        CommandRunner r = CommandRunner.run("simulate", "mv-1d", "--quiet", "--out", tmp.resolve("mv").toString(),
                "--particles", "100", "--set", "time.end=0.1", "--set", "mv.initial=cos(2 * pi * x)");
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().startsWith("error: mv.initial"), r.err());
    }
}
