package dev.ucaudit.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.testing.EngineHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the decoder tests of this package share: a decoder as a function, its claims, learned roles of a capture. */
final class DecoderChecks {
    /** A decoder of claims ({@code T} = {@link Claim}) or of links ({@link Link}). */
    interface Decoder<T> {
        Scan read(byte[] b, int off, int len, List<T> out);
    }

    private DecoderChecks() {
    }

    /** Reads {@code message} placed at an offset inside a larger buffer (so reads past its end would be seen). */
    static List<Claim> claims(Decoder<Claim> d, byte[] message, Scan expected) {
        return read(d, message, expected);
    }

    /** As {@link #claims}, for a decoder of links between a message's two ends. */
    static List<Link> links(Decoder<Link> d, byte[] message, Scan expected) {
        return read(d, message, expected);
    }

    private static <T> List<T> read(Decoder<T> d, byte[] message, Scan expected) {
        byte[] buffer = new byte[message.length + 20];
        System.arraycopy(message, 0, buffer, 7, message.length);
        List<T> out = new ArrayList<>();
        assertEquals(expected, d.read(buffer, 7, message.length, out));
        return out;
    }

    /** Every cut of the message is read without an exception and without claims (or links) unless detected. */
    static <T> void everyPrefixIsSafe(Decoder<T> d, byte[] message) {
        for (int n = 0; n < message.length; n++) {
            byte[] cut = Arrays.copyOf(message, n);
            List<T> out = new ArrayList<>();
            Scan s = d.read(cut, 0, n, out);
            assertNotNull(s);
            if (s != Scan.DETECTED) {
                assertEquals(List.of(), out, "claims from a cut of " + n + " bytes");
            }
        }
    }

    static Map<IpAddress, LearnedRole> learned(EngineHarness.Run run) {
        Map<IpAddress, LearnedRole> m = new LinkedHashMap<>();
        for (LearnedRole r : RoleDecisions.decide(run.outcome().result().evidence())) {
            m.put(r.address(), r);
        }
        return m;
    }

    static Map<IpAddress, LearnedRole> learned(Path capture) {
        return learned(EngineHarness.withoutInventory().audit(capture));
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    static String summary(Map<IpAddress, LearnedRole> roles) {
        StringBuilder s = new StringBuilder();
        roles.forEach((a, r) -> s.append(a.text()).append('=').append(r.role()).append('/').append(r.confidence().text()).append(' '));
        return s.toString().trim();
    }
}
