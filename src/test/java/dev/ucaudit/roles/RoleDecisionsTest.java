package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.EngineHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleDecisionsTest {
    private static final Where AT = new Where("x.pcap", 1, 0);
    @TempDir
    Path dir;

    private static LearnedRole decide(Evidence... evidence) {
        return RoleDecisions.decide(evidence[0].address(), List.of(evidence));
    }

    private static Evidence e(String role, Strength s, long messages) {
        return new Evidence(ip("10.0.0.1"), role, role + " said", s, messages, AT);
    }

    @Test
    void strongEvidenceDecidesAndWeakNeverOverrulesIt() {
        LearnedRole r = decide(e("phone", Strength.WEAK, 50), e("cucm", Strength.STRONG, 1));
        assertEquals("cucm", r.role());
        assertEquals(Confidence.LOW, r.confidence()); // one message
        assertEquals(Confidence.HIGH, decide(e("cucm", Strength.STRONG, 2)).confidence());
        assertEquals(Confidence.HIGH, decide(e("cucm", Strength.STRONG, 1), e("cucm", Strength.WEAK, 1)).confidence());
    }

    @Test
    void onlyWeakEvidenceIsLowConfidence() {
        LearnedRole r = decide(e("cucm", Strength.WEAK, 9));
        assertEquals("cucm", r.role());
        assertEquals(Confidence.LOW, r.confidence());
    }

    @Test
    void compatibleRolesKeepTheCentralOne() {
        LearnedRole r = decide(e("gateway", Strength.STRONG, 3), e("gatekeeper", Strength.STRONG, 3), e("dhcp", Strength.STRONG, 3));
        assertEquals("gatekeeper", r.role());
        assertEquals(List.of("gatekeeper", "gateway", "dhcp"), r.claimed());
    }

    @Test
    void aPhoneThatAlsoAnswersRegistrationsIsContradictory() {
        // the host that lies: 10.1.0.20 registers as a phone, then answers another phone's Register with RegisterAck
        var run = EngineHarness.withoutInventory().audit(dir, List.of(
                EngineHarness.tcp4("10.1.0.20", 51000, "10.0.0.10", 2000, 0x18, Messages.sccpRegister("SEP001122334455",
                        new byte[] {10, 1, 0, 20})),
                EngineHarness.tcp4("10.0.0.10", 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0081, new byte[16])),
                EngineHarness.tcp4("10.1.0.21", 52000, "10.1.0.20", 2000, 0x18, Messages.sccpRegister("SEP00112233AAAA",
                        new byte[] {10, 1, 0, 21})),
                EngineHarness.tcp4("10.1.0.20", 2000, "10.1.0.21", 52000, 0x18, Messages.sccp(0x0081, new byte[16]))));
        LearnedRole liar = learned(run).get(ip("10.1.0.20"));
        assertEquals(Confidence.CONTRADICTORY, liar.confidence());
        assertEquals("cucm|phone", liar.role());
        assertFalse(liar.trusted());
        assertEquals("cucm", learned(run).get(ip("10.0.0.10")).role());
    }

    @Test
    void theTableIsBounded() {
        EvidenceTable t = new EvidenceTable();
        for (int i = 0; i < EvidenceTable.MAX_PER_ADDRESS + 5; i++) {
            t.add(ip("10.0.0.1"), "phone", "said " + i, Strength.WEAK, AT);
        }
        assertEquals(EvidenceTable.MAX_PER_ADDRESS, t.of(ip("10.0.0.1")).size());
        assertEquals(5, t.dropped());
        t.add(ip("10.0.0.1"), "phone", "said 0", Strength.WEAK, AT);
        assertEquals(2, t.of(ip("10.0.0.1")).get(0).messages());
    }
}
