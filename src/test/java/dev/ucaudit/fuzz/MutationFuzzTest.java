package dev.ucaudit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A deterministic slice of {@link MutationFuzzer} in every test run (3,000 inputs over capture files,
 * packets and the six inspectors, fixed seed); {@code -Dfuzz.iterations=100000} (and
 * {@code -Dfuzz.seed=N}) turns it into the full campaign. No exception may escape.
 */
class MutationFuzzTest {
    @Test
    void mutatedCapturesPacketsAndPayloadsThrowNothing() throws Exception {
        long n = Long.getLong("fuzz.iterations", 3_000);
        long seed = Long.getLong("fuzz.seed", 20_261_102);
        MutationFuzzer f = new MutationFuzzer(seed, Path.of("target/fuzz-crashes"));
        try {
            f.run(n);
            f.printTable(System.out);
        } finally {
            f.close();
        }
        assertTrue(f.tallies.get("file").packets > 0, "mutated files still deliver packets");
        assertTrue(f.crashes.isEmpty(), f.crashes.size() + " crashes, first: " + (f.crashes.isEmpty() ? "" : f.crashes.get(0)));
    }
}
