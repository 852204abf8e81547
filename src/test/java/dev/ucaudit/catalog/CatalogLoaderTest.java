package dev.ucaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultCatalogLoadsCleanly() {
        CatalogLoader loader = new CatalogLoader();
        Catalog c = loader.load(List.of());
        assertEquals(List.of(), loader.problems());
        assertEquals(149, c.rules().size()); // 146 + the readings T1-02a, T6-01a, T7-07a (issue 20)
        assertTrue(c.rule("T6-03").isPresent());
        assertEquals("2000", c.rule("T6-03").orElseThrow().ports().toString());
        assertEquals("69,6969", c.rule("T2-08").orElseThrow().listeningPorts().toString());
    }

    @Test
    void everyBadRowIsReportedWithFileAndLineAndGoodRowsAreKept() throws Exception {
        Path f = CatalogFixtures.write(dir, "site.csv", """
                L-01,,Local,admin,cucm,tcp,1090,,,,RTMT client to AMC,,,,,no,
                L-02,,Local,admin,nobody,tcp,1091,,,,bad role,,,,,no,
                L-03,,Local,admin,cucm,tcpp,1092,,,,bad protocol,,,,,no,
                L-04,,Local,admin,cucm,tcp,70000,,,,bad port,,,,,no,
                L-05,,Local,admin,cucm,tcp,,,,,no ports,,,,,no,
                L-01,,Local,admin,cucm,tcp,1093,,,,duplicate id,,,,,no,
                L-06,,Local,admin,cucm,icmp,7,,,,icmp with a port,,,,,no,
                L-07,,Local,admin,cucm,udp,69,100,tftp,,dynamic outside ports,,,,,no,
                L-08,,Local,admin,cucm,tcp,1094,,,,
                L-09,,Local,admin,cucm,tcp,1095,,telnet,,unknown inspector,,,,,no,
                L-10,,Local,admin,cucm,tcp,1096,,,,,,,,,no,
                """);
        CatalogLoader loader = new CatalogLoader();
        Catalog c = CatalogFixtures.load(loader, f);
        assertEquals(List.of("L-01"), c.rules().stream().map(CatalogRule::id).toList());
        List<String> msgs = loader.problems().stream().map(CatalogProblem::describe).toList();
        assertEquals(10, msgs.size(), msgs.toString());
        String file = f.toString();
        assertTrue(msgs.get(0).startsWith(file + ":3: destination_role 'nobody' is not a role"), msgs.get(0));
        assertTrue(msgs.get(1).startsWith(file + ":4: unknown protocol 'tcpp'"), msgs.get(1));
        assertTrue(msgs.get(2).startsWith(file + ":5: L-04: ports: port 70000 is out of range"), msgs.get(2));
        assertTrue(msgs.get(3).startsWith(file + ":6: L-05: tcp needs ports"), msgs.get(3));
        assertTrue(msgs.get(4).startsWith(file + ":7: rule id L-01 is already used at " + file + ":2"), msgs.get(4));
        assertTrue(msgs.get(5).startsWith(file + ":8: L-06: icmp has no ports"), msgs.get(5));
        assertTrue(msgs.get(6).startsWith(file + ":9: L-07: dynamic_ports 100 are not all within ports 69"), msgs.get(6));
        assertTrue(msgs.get(7).startsWith(file + ":10: row has 11 fields, header has 17"), msgs.get(7));
        assertTrue(msgs.get(8).startsWith(file + ":11: L-09: inspect 'telnet'"), msgs.get(8));
        assertTrue(msgs.get(9).startsWith(file + ":12: L-10: purpose is empty"), msgs.get(9));
    }

    @Test
    void siteRowsAddToTheDefaultCatalog() throws Exception {
        Path f = CatalogFixtures.write(dir, "site.csv", "L-01,,Local,admin,cucm,tcp,\"1090,1099\",,,,RTMT client to AMC,,,,,no,\n");
        CatalogLoader loader = new CatalogLoader();
        Catalog c = loader.load(List.of(CatalogLoader.DEFAULT_KEYWORD, f.toString()));
        assertEquals(List.of(), loader.problems());
        assertEquals(150, c.rules().size());
        assertTrue(c.lookup().candidates(6, 1099).rules().stream().anyMatch(r -> r.id().equals("L-01")));
        Catalog only = new CatalogLoader().load(List.of(f.toString()));
        assertEquals(1, only.rules().size());
    }

    @Test
    void missingColumnsAndMissingFileAreReported() throws Exception {
        Path f = dir.resolve("narrow.csv");
        Files.writeString(f, "rule,ports\nX-1,80\n", StandardCharsets.UTF_8);
        CatalogLoader loader = new CatalogLoader();
        loader.load(List.of(f.toString(), dir.resolve("absent.csv").toString()));
        List<String> msgs = loader.problems().stream().map(CatalogProblem::describe).toList();
        assertEquals(2, msgs.size());
        assertTrue(msgs.get(0).contains(":1: header lacks column(s) source_role, destination_role, protocol, purpose"), msgs.get(0));
        assertTrue(msgs.get(1).contains("absent.csv: cannot read catalog"), msgs.get(1));
    }
}
