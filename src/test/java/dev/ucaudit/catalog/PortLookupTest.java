package dev.ucaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortLookupTest {
    @TempDir
    Path dir;

    private Catalog catalog(String rows) throws Exception {
        CatalogLoader loader = new CatalogLoader();
        Catalog c = CatalogFixtures.load(loader, CatalogFixtures.write(dir, "t.csv", rows));
        assertEquals(List.of(), loader.problems());
        return c;
    }

    @Test
    void rangesListsAndOverlaps() throws Exception {
        Catalog c = catalog("""
                A-1,1,t,phone,cucm,tcp,2000,,sccp,,SCCP,,,,,no,
                A-2,1,t,endpoint,cucm,udp,"69,6969,32768-61000",32768-61000,tftp,,TFTP,,,,,no,
                A-3,1,t,media,media,udp,16384-32767,,,,RTP,,,,,no,
                A-4,1,t,media,gateway,udp,8000-48200,,,,GW media,,,,,no,
                A-5,1,t,phone,cucm,tcp/udp,5060,,sip,,SIP,,,,,no,
                """);
        PortLookup l = c.lookup();
        assertEquals(List.of("A-1"), CatalogFixtures.ids(l.candidates(6, 2000)));
        assertEquals(List.of(), CatalogFixtures.ids(l.candidates(17, 2000)));
        assertEquals(List.of("A-2"), CatalogFixtures.ids(l.candidates(17, 69)));
        assertEquals(List.of("A-2"), CatalogFixtures.ids(l.candidates(17, 6969)));
        // overlap of two ranges: both rows, in catalog order
        assertEquals(List.of("A-3", "A-4"), CatalogFixtures.ids(l.candidates(17, 20000)));
        assertEquals(List.of("A-4"), CatalogFixtures.ids(l.candidates(17, 8000)));
        assertEquals(List.of("A-4"), CatalogFixtures.ids(l.candidates(17, 48200)));
        assertEquals(List.of(), CatalogFixtures.ids(l.candidates(17, 48201)));
        assertEquals(List.of("A-3", "A-4"), CatalogFixtures.ids(l.candidates(17, 32767)));
        assertEquals(List.of("A-4"), CatalogFixtures.ids(l.candidates(17, 32768)));
        // tcp/udp row appears in both tables
        assertEquals(List.of("A-5"), CatalogFixtures.ids(l.candidates(6, 5060)));
        assertEquals(List.of("A-5"), CatalogFixtures.ids(l.candidates(17, 5060)));
        // boundaries of the table
        assertTrue(l.candidates(6, 0).isEmpty());
        assertTrue(l.candidates(6, 65535).isEmpty());
        assertTrue(l.candidates(6, 65536).isEmpty());
        assertTrue(l.candidates(6, -1).isEmpty());
    }

    @Test
    void ephemeralFollowUpPortsAreNotListeningPorts() throws Exception {
        Catalog c = catalog("""
                A-2,1,t,endpoint,cucm,udp,"69,6969,32768-61000",32768-61000,tftp,,TFTP,,,,,no,
                A-6,1,t,cucm,cucm,tcp,32768-61000,,,,TCTS,,,,,no,
                """);
        assertTrue(c.lookup().candidates(17, 40000).isEmpty(), "TFTP's ephemeral data port is reached only through the read request");
        assertEquals(List.of("A-6"), CatalogFixtures.ids(c.lookup().candidates(6, 40000)));
        assertEquals(28233, c.lookup().candidates(6, 40000).narrowestListening());
        assertEquals(2, c.lookup().candidates(17, 69).narrowestListening());
    }

    @Test
    void candidateSetsAreInternedAndDuplicatesNotIndexed() throws Exception {
        Catalog c = catalog("""
                B-1,1,t,endpoint,cucm,udp,514,,,,syslog,,,,,no,
                B-2,1,t,endpoint,cucm,udp,514,,,B-1,syslog,,,,,no,
                B-3,1,t,phone,cucm,udp,16384-32767,,,,rtp,,,,,no,
                """);
        assertEquals(List.of("B-1"), CatalogFixtures.ids(c.lookup().candidates(17, 514)));
        assertSame(c.lookup().candidates(17, 16384), c.lookup().candidates(17, 30000));
        assertSame(c.lookup().candidates(17, 1), c.lookup().candidates(6, 1));
        assertTrue(c.lookup().distinctSets() <= 4);
    }

    @Test
    void ipProtocolsWithoutPorts() throws Exception {
        Catalog c = catalog("""
                C-1,2,t,endpoint,cucm,icmp/icmpv6,,,,,ICMP,,,,,no,
                C-2,7,t,gateway,cucm,gre/esp/ah,,,,,IPsec,,,,,no,
                """);
        assertEquals(List.of("C-1"), CatalogFixtures.ids(c.lookup().candidates(1, -1)));
        assertEquals(List.of("C-1"), CatalogFixtures.ids(c.lookup().candidates(58, -1)));
        assertEquals(List.of("C-2"), CatalogFixtures.ids(c.lookup().candidates(47, -1)));
        assertEquals(List.of("C-2"), CatalogFixtures.ids(c.lookup().candidates(50, -1)));
        assertEquals(List.of("C-2"), CatalogFixtures.ids(c.lookup().candidates(51, -1)));
        assertTrue(c.lookup().candidates(132, -1).isEmpty());
    }

    @Test
    void defaultCatalogAnswersTheSccpPort() {
        CatalogLoader loader = new CatalogLoader();
        Catalog c = loader.load(List.of());
        assertEquals(List.of(), loader.problems());
        List<String> ids = CatalogFixtures.ids(c.lookup().candidates(6, 2000));
        assertTrue(ids.contains("T6-03") && ids.contains("T7-14"), ids.toString());
        assertTrue(CatalogFixtures.ids(c.lookup().candidates(17, 69)).contains("T6-02"));
        assertTrue(CatalogFixtures.ids(c.lookup().candidates(17, 20000)).contains("T6-N1"));
    }
}
