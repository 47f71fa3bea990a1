package meanfield.app.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParticleSettingsTest {
    /** The built-in nif-ring, whose particles section is dense. */
    private static final String NIF_RING = ProblemSource.builtInText("nif-ring");

    private static ParticleSettings particles(String connectivity) {
        String text = NIF_RING.replace("connectivity: dense", "connectivity: " + connectivity
                + "\n  degree: 100");
        return Problem.read(ProblemSource.fromText("nif-ring", null, text)).particles();
    }

    @Test
    void aRandomNetworkIsChargedItsOutgoingListsOnlyAndADenseOneBothDirections() {
        // A float weight and an int index per synapse: 8 bytes; WeightMatrix builds a random network's rows only when read.
        assertEquals(8.0 * 1000 * 100, particles("erdos-renyi").networkBytes(1000));
        assertEquals(8.0 * 1000 * 100, particles("fixed-in-degree").networkBytes(1000));
        assertEquals(16.0 * 1000 * 999, particles("dense").networkBytes(1000));
    }
}
