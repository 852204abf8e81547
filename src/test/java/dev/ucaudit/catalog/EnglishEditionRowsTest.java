package dev.ucaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rows issue 14 settles against the English original (CUCM 14 and SUs, "TCP and UDP Port Usage"), as the
 * loader reads them: ports, protocol, roles, purpose and the {@code source} each row carries.
 */
class EnglishEditionRowsTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        CatalogLoader loader = new CatalogLoader();
        catalog = loader.load(List.of());
        assertEquals(List.of(), loader.problems());
    }

    private static CatalogRule rule(String id) {
        return catalog.rule(id).orElseThrow(() -> new AssertionError("no rule " + id));
    }

    @Test
    void t7_13IsTheH245RangeOfIosGateways() {
        CatalogRule r = rule("T7-13");
        assertEquals("11000-65535", r.ports().toString());
        assertEquals("11000-65535", r.dynamicPorts().toString());
        assertTrue(r.purpose().startsWith("H.245 signaling services"), r.purpose());
        assertTrue(r.purpose().contains("11000-65535"), r.purpose());
        assertFalse(r.purpose().contains("H.225"), r.purpose());
        assertEquals("guide-en-14su2", r.source());
        assertEquals("(注) ゲートウェイの種類による。異なるシステムで定義される H.225 ポート。  IOS ゲートウェイでの H.225 ポート番号は 11000 ~ 11099 です。",
                r.purposeJa(), "the translation's cell stays as written");
    }

    @Test
    void t7_12IsH245Signalling() {
        CatalogRule r = rule("T7-12");
        assertEquals("H.245 signaling services to establish voice, video and other media", r.purpose());
        assertEquals("guide-en-14su2", r.source());
    }

    @Test
    void t7_19IsPhantomRtpOverUdpForTheDataChannel() {
        CatalogRule r = rule("T7-19");
        assertEquals("tcp/udp", r.protocolLabel(), "the guide's tcp kept beside the udp reading (issue 20 §2)");
        assertEquals("4000-4005", r.ports().toString());
        assertTrue(r.purpose().contains("data channel"), r.purpose());
        assertFalse(r.purpose().contains("D-channel"), r.purpose());
        assertTrue(r.source().startsWith("reading: "), r.source());
    }

    @Test
    void addedRowsCarryTheirSource() {
        assertRow("T7-17a", "cucm", "gateway", "udp", "2427", "guide-en-14su2");
        assertEquals(Optional.of(AppProtocol.MGCP), rule("T7-17a").inspect(), "commands CUCM sends to the gateway are MGCP-inspected");
        assertRow("T1-08a", "cucm", "cucm", "tcp", "1516", "guide-en-14su2");
        assertRow("T2-28a", "cucm", "cucm", "tcp", "8006", "guide-en-14su2");
        assertTrue(rule("T2-28a").purpose().contains("ILS"));
        assertRow("T2-03a", "cucm", "syslog", "tcp", "601", "guide-en-14su2");
        assertRow("T2-03b", "cucm", "syslog", "tcp", "6514", "guide-en-14su2");
        assertTrue(rule("T2-03b").purpose().contains("TLS"));
        assertRow("T1-35a", "im-presence", "cucm-publisher", "tcp", "22", rule("T1-35a").source());
        assertTrue(rule("T1-35a").source().startsWith("reading: the note under table 1"), rule("T1-35a").source());
    }

    @Test
    void correctedPortsAreNotContradictedByTheirNotes() {
        Pattern contradiction = Pattern.compile("(?i)caution|does not cover|do not match|exactly as the guide writes");
        for (String id : List.of("T2-04", "T2-05", "T2-07", "T2-14")) {
            CatalogRule r = rule(id);
            assertFalse(contradiction.matcher(r.notes()).find(), id + ": " + r.notes());
            assertTrue(r.notes().contains("listen"), id + ": notes give the listener's port: " + r.notes());
            assertTrue(r.source().startsWith("reading: "), id + ": " + r.source());
        }
        assertEquals("53", rule("T2-04").ports().toString());
        assertEquals("67", rule("T2-07").ports().toString());
        assertEquals("547", rule("T2-14").ports().toString());
    }

    @Test
    void noDocumentClaimsTheEnglishEditionListsDns() throws IOException {
        Pattern claim = Pattern.compile("English edition[^.;]{0,40}(says|lists) 53");
        for (Path p : List.of(Path.of("rules", "README.md"), Path.of("rules", "cucm-ports.csv"), Path.of("README.md"))) {
            assertFalse(claim.matcher(Files.readString(p)).find(), p + " claims the English edition lists DNS on 53");
        }
    }

    private static void assertRow(String id, String source, String destination, String protocol, String ports, String from) {
        CatalogRule r = rule(id);
        assertEquals(source + " → " + destination + " " + ports + "/" + protocol, r.describe(), id);
        assertEquals(from, r.source(), id);
        assertEquals("", r.purposeJa(), id + ": not a cell of the Japanese guide");
    }
}
