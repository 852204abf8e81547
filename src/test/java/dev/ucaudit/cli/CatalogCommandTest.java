package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandTest {
    @TempDir
    Path dir;

    @Test
    void port2000ShowsTheSccpRowsForPhonesAndGateways() {
        Cli r = Cli.run("catalog", "--port", "2000");
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("T6-03") && l.contains("phone") && l.contains("cucm") && l.contains("SCCP")), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("T7-14") && l.contains("gateway") && l.contains("cucm")), r.out);
    }

    @Test
    void csvFormatIsTheNormalizedCatalog() throws Exception {
        Cli r = Cli.run("catalog", "--format", "csv");
        assertEquals(0, r.status, r.toString());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.out)).getRecords();
        assertEquals(140, rows.size());
        assertEquals(List.of("rule", "table", "source_role", "destination_role", "protocol", "ports", "purpose"),
                rows.get(0).getParser().getHeaderNames().subList(0, 7));
        CSVRecord tftp = rows.stream().filter(x -> x.get("rule").equals("T2-08")).findFirst().orElseThrow();
        assertEquals("69,6969,32768-61000", tftp.get("ports"));
        assertEquals("32768-61000", tftp.get("dynamic_ports"));
        CSVRecord icmp = rows.stream().filter(x -> x.get("rule").equals("T2-01")).findFirst().orElseThrow();
        assertEquals("", icmp.get("ports"));
        assertEquals("icmp/icmpv6", icmp.get("protocol"));
    }

    @Test
    void filtersByRoleAndTable() {
        Cli r = Cli.run("catalog", "--table", "3", "--format", "csv");
        assertEquals(3, r.out.lines().count(), r.out);
        Cli g = Cli.run("catalog", "--role", "gatekeeper");
        assertTrue(g.out.contains("1719"), g.out);
        assertFalse(g.out.contains("T6-03"), "a gatekeeper is not a phone");
        Cli bad = Cli.run("catalog", "--role", "wizard");
        assertEquals(2, bad.status);
        assertTrue(bad.err.contains("not a role"), bad.err);
    }

    @Test
    void badCatalogRowsAreReportedWithFileAndLineAndExitTwo() throws Exception {
        Path f = dir.resolve("site.csv");
        Files.writeString(f, "rule,source_role,destination_role,protocol,ports,purpose\nL-1,admin,cucm,tcp,1090,ok\nL-2,admin,cucm,tcp,99999,bad\n");
        Cli r = Cli.run("catalog", "--catalog", "default", "--catalog", f.toString(), "--port", "1090");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains(f + ":3: L-2: ports: port 99999 is out of range"), r.err);
        assertTrue(r.out.contains("L-1"), "good rows are still shown: " + r.out);
    }
}
