package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
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
        assertEquals(149, rows.size());
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

    @Test
    void portOutsideOneTo65535AndUnknownTableAreOneLineErrors() {
        for (String[] args : List.of(new String[] {"--port", "99999"}, new String[] {"--port", "0"},
                new String[] {"--port", "-1"}, new String[] {"--table", "99"})) {
            String[] full = new String[args.length + 1];
            full[0] = "catalog";
            System.arraycopy(args, 0, full, 1, args.length);
            Cli r = Cli.run(full);
            assertEquals(2, r.status, r.toString());
            assertEquals("", r.out, "no rows, no '0 of N rows': " + r.out);
            assertEquals(1, r.err.lines().count(), r.err);
            assertTrue(r.err.startsWith("ucaudit: " + args[0] + " " + args[1] + " is not a "), r.err);
            assertTrue(r.err.contains("see ucaudit catalog --help"), r.err);
        }
        assertTrue(Cli.run("catalog", "--table", "99").err.contains("tables: 1,2,3,4,5,6,7,8,9,10,11"));
        assertEquals(0, Cli.run("catalog", "--port", "65535").status);
    }

    @Test
    void portWithProtocolShowsOnlyRowsOfThatProtocol() {
        Cli udp = Cli.run("catalog", "--port", "5060", "--protocol", "udp", "--format", "csv");
        assertEquals(0, udp.status, udp.toString());
        List<CSVRecord> rows = csv(udp.out);
        assertEquals(List.of("T6-07", "T6-08", "T7-20", "T7-21"), rows.stream().map(x -> x.get("rule")).toList());
        assertTrue(rows.stream().allMatch(x -> List.of(x.get("protocol").split("/")).contains("udp")), udp.out);
        Cli tcp = Cli.run("catalog", "--port", "5060", "--protocol", "tcp", "--format", "csv");
        assertTrue(csv(tcp.out).stream().anyMatch(x -> x.get("rule").equals("T2-26")), tcp.out);
    }

    @Test
    void rowsForAPortAreListedMostSpecificFirstWithListsAsLists() {
        Cli r = Cli.run("catalog", "--port", "5060");
        assertEquals(0, r.status, r.toString());
        List<String> ids = r.out.lines().filter(l -> l.startsWith("T")).map(l -> l.split(" +")[0]).toList();
        assertEquals(List.of("T6-07", "T6-08", "T7-20", "T7-21", "T2-26", "T7-06"), ids,
                "5060 alone, then the list 5060,5061, then the range 1024-65535: " + r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("T2-26") && l.contains(" 5060,5061 ")), r.out);
        Cli mgcp = Cli.run("catalog", "--port", "2427", "--format", "csv");
        assertEquals(List.of("T7-17", "T7-17a", "T7-06"), csv(mgcp.out).stream().map(x -> x.get("rule")).toList());
        CSVRecord sip = csv(Cli.run("catalog", "--table", "2", "--format", "csv").out).stream()
                .filter(x -> x.get("rule").equals("T2-26")).findFirst().orElseThrow();
        assertEquals("5060,5061", sip.get("ports"));
    }

    @Test
    void portShowsWhereEachRowsReadingComesFrom() {
        Cli r = Cli.run("catalog", "--port", "2427");
        List<String> lines = r.out.lines().toList();
        int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("T7-17a")).findFirst().orElseThrow());
        assertEquals("source: guide-en-14su2", lines.get(row + 1).strip(), r.out);
        Cli dns = Cli.run("catalog", "--port", "53", "--protocol", "udp");
        assertTrue(dns.out.contains("source: reading: a DNS server listens on 53"), dns.out);
        CSVRecord t713 = csv(Cli.run("catalog", "--format", "csv").out).stream()
                .filter(x -> x.get("rule").equals("T7-13")).findFirst().orElseThrow();
        assertEquals("guide-en-14su2", t713.get("source"));
        assertEquals("11000-65535", t713.get("ports"));
    }

    @Test
    void portShowsWhatEachRowExpectsOnTheWire() {
        Cli r = Cli.run("catalog", "--port", "2000");
        List<String> lines = r.out.lines().toList();
        int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("T6-03")).findFirst().orElseThrow());
        assertEquals("source: guide-ja", lines.get(row + 1).strip(), r.out);
        assertEquals("expects: sccp (guide-ja)", lines.get(row + 2).strip(), r.out);
        int open = lines.indexOf(lines.stream().filter(l -> l.startsWith("T7-06")).findFirst().orElseThrow());
        assertFalse(lines.get(open + 2).strip().startsWith("expects:"), "T7-06 leaves the protocol open: " + r.out);
        CSVRecord t301 = csv(Cli.run("catalog", "--format", "csv").out).stream()
                .filter(x -> x.get("rule").equals("T3-01")).findFirst().orElseThrow();
        assertEquals("ldap;tls", t301.get("expects"));
        assertTrue(t301.get("expects_source").startsWith("reading: "), t301.get("expects_source"));
    }

    private static List<CSVRecord> csv(String text) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
