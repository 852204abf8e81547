package dev.ucaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that rules/cucm-ports.csv holds every row of every table of the guide in
 * ../shared/seeds/, in order, with the guide's four cells byte for byte, and that every
 * catalog row is well formed (roles, protocols, ports, dynamic ports, source).
 * The seed is not part of the repository: without it the comparisons with the guide are
 * skipped, each with the reason, and the well-formedness tests still run.
 */
class SeedCoverageTest {

    /** The guide's seed; {@code -Ducaudit.seed=PATH} points elsewhere (e.g. to a missing file, to see the skip). */
    private static final Path SEED = Path.of(System.getProperty("ucaudit.seed",
            Path.of("..", "shared", "seeds", "000_f5a05621c64c5648.txt").toString()));
    private static final Path CATALOG = Path.of("rules", "cucm-ports.csv");
    private static final Path ROLES = Path.of("rules", "roles.csv");

    /** The table's header line; it repeats at page breaks and is not a row. */
    private static final String HEADER = "送信元（送信者）\t送信先（リスナー）\t宛先ポート\t目的";

    private static final Pattern CAPTION = Pattern.compile("^(?:表|Table) (\\d+):");
    private static final Pattern RULE_ID = Pattern.compile("T(\\d+)-(\\d{2})");
    /** Rows that are not rows of the Japanese guide: {@code T6-N1}, or a letter after the id of the row they follow ({@code T7-17a}). */
    private static final Pattern ADDED_ID = Pattern.compile("T(\\d+)-(N\\d+|\\d{2}[a-z])");
    private static final Pattern SOURCE = Pattern.compile("guide-ja|guide-en-14su2|reading: \\S.*");

    /** Rows per table as counted in the seed; a change in the seed or the parser fails loudly. */
    private static final Map<Integer, Integer> EXPECTED_ROWS = Map.ofEntries(
            Map.entry(1, 36), Map.entry(2, 32), Map.entry(3, 2), Map.entry(4, 5),
            Map.entry(5, 1), Map.entry(6, 18), Map.entry(7, 25), Map.entry(8, 14),
            Map.entry(9, 1), Map.entry(10, 1), Map.entry(11, 4));

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "icmpv6", "gre", "esp", "ah");
    private static final Set<String> PORTED = Set.of("tcp", "udp");

    private static final List<String> COLUMNS = List.of("rule", "table", "table_title", "source_role",
            "destination_role", "protocol", "ports", "dynamic_ports", "inspect", "duplicate_of", "purpose",
            "purpose_ja", "source_ja", "destination_ja", "ports_ja", "purpose_reconstructed", "notes", "source", "expects",
            "expects_source");

    private static Map<Integer, List<String[]>> seed;
    private static List<CSVRecord> catalog;
    private static Set<String> roles;

    @BeforeAll
    static void load() throws IOException {
        seed = Files.isRegularFile(SEED) ? parseSeed(Files.readAllLines(SEED, StandardCharsets.UTF_8)) : null;
        catalog = readCsv(CATALOG, true);
        roles = new HashSet<>();
        for (CSVRecord r : readCsv(ROLES, false)) {
            roles.add(r.get("role"));
        }
    }

    /** Tables by caption; rows are lines with a tab, other than the header line, until the next "## ". */
    static Map<Integer, List<String[]>> parseSeed(List<String> lines) {
        Map<Integer, List<String[]>> tables = new TreeMap<>();
        List<String[]> current = null;
        for (String line : lines) {
            Matcher m = CAPTION.matcher(line);
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                assertFalse(tables.containsKey(n), "table " + n + " captioned twice in the seed");
                current = new ArrayList<>();
                tables.put(n, current);
                continue;
            }
            if (line.startsWith("## ")) {
                current = null;
                continue;
            }
            if (current != null && line.indexOf('\t') >= 0 && !line.equals(HEADER)) {
                String[] cells = line.split("\t", -1);
                assertEquals(4, cells.length, "seed row is not 4 tab-separated cells: " + line);
                current.add(cells);
            }
        }
        return tables;
    }

    private static List<CSVRecord> readCsv(Path path, boolean checkHeader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            if (checkHeader) {
                assertEquals(COLUMNS, parser.getHeaderNames(), path + ": header");
            }
            return parser.getRecords();
        }
    }

    private static boolean isAdded(CSVRecord r) {
        return ADDED_ID.matcher(r.get("rule")).matches();
    }

    /** Skips a test that compares with the guide when the seed is absent, saying so (never a silent pass). */
    private static void assumeSeed() {
        Assumptions.assumeTrue(seed != null, SEED.toAbsolutePath().normalize()
                + " not found (the guide's seed is not shipped with the repository): the catalog is not compared with the guide");
    }

    /** Items of a port list are ascending and do not overlap (adjacent single ports such as 1500,1501 are kept). */
    private static void assertAscending(String what, String text) {
        if (text.isEmpty()) {
            return;
        }
        assertEquals(text.strip(), text, what + ": surrounding whitespace");
        int last = -1;
        for (String item : text.split(",", -1)) {
            PortRanges one = PortRanges.parse(item);
            assertEquals(1, one.rangeCount(), what + ": item '" + item + "'");
            assertEquals(one.toString(), item, what + ": item '" + item + "' not written as lo-hi or a single port");
            assertTrue(one.lo(0) > last, what + ": '" + text + "' is not ascending and non-overlapping");
            last = one.hi(0);
        }
    }

    @Test
    void seedRowCountsPerTable() {
        assumeSeed();
        Map<Integer, Integer> counts = new TreeMap<>();
        seed.forEach((t, rows) -> counts.put(t, rows.size()));
        assertEquals(new TreeMap<>(EXPECTED_ROWS), counts);
    }

    @Test
    void everySeedRowIsInTheCatalogInOrder() {
        assumeSeed();
        Map<Integer, List<CSVRecord>> byTable = new LinkedHashMap<>();
        for (CSVRecord r : catalog) {
            if (!isAdded(r)) {
                byTable.computeIfAbsent(Integer.parseInt(r.get("table")), k -> new ArrayList<>()).add(r);
            }
        }
        assertEquals(seed.keySet(), new TreeMap<>(byTable).keySet(), "tables in catalog vs seed");
        for (Map.Entry<Integer, List<String[]>> e : seed.entrySet()) {
            int table = e.getKey();
            List<String[]> seedRows = e.getValue();
            List<CSVRecord> rows = byTable.get(table);
            for (int i = 0; i < seedRows.size(); i++) {
                String[] c = seedRows.get(i);
                String where = "table " + table + " seed row " + (i + 1) + " (" + String.join(" | ", c) + ")";
                if (i >= rows.size()) {
                    fail(where + ": no catalog row");
                }
                CSVRecord r = rows.get(i);
                assertEquals(String.format("T%d-%02d", table, i + 1), r.get("rule"), where + ": rule id");
                assertEquals(c[0], r.get("source_ja"), where + ": source_ja of " + r.get("rule"));
                assertEquals(c[1], r.get("destination_ja"), where + ": destination_ja of " + r.get("rule"));
                assertEquals(c[2], r.get("ports_ja"), where + ": ports_ja of " + r.get("rule"));
                assertEquals(c[3], r.get("purpose_ja"), where + ": purpose_ja of " + r.get("rule"));
            }
            assertEquals(seedRows.size(), rows.size(),
                    "table " + table + ": catalog rows without -N must map one to one to seed rows");
        }
    }

    @Test
    void ruleIdsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : catalog) {
            String id = r.get("rule");
            assertTrue(seen.add(id), "duplicate rule id " + id);
            if (isAdded(r)) {
                assertEquals(r.get("table"), ADDED_ID.matcher(id).replaceAll("$1"), id + ": table column");
                for (String ja : List.of("purpose_ja", "source_ja", "destination_ja", "ports_ja")) {
                    assertEquals("", r.get(ja), id + ": an added row has no cell of the Japanese guide (" + ja + ")");
                }
                continue;
            }
            Matcher m = RULE_ID.matcher(id);
            assertTrue(m.matches(), "rule id " + id + " is not T<n>-<nn>");
            assertEquals(r.get("table"), m.group(1), id + ": table column");
        }
        for (CSVRecord r : catalog) {
            String dup = r.get("duplicate_of");
            if (!dup.isEmpty()) {
                assertTrue(seen.contains(dup), r.get("rule") + ": duplicate_of " + dup + " is not a rule");
            }
        }
    }

    @Test
    void everyRowIsWellFormed() {
        for (CSVRecord r : catalog) {
            String id = r.get("rule");
            assertTrue(roles.contains(r.get("source_role")), id + ": unknown source_role " + r.get("source_role"));
            assertTrue(roles.contains(r.get("destination_role")),
                    id + ": unknown destination_role " + r.get("destination_role"));
            String[] protos = r.get("protocol").split("/", -1);
            boolean ported = false;
            boolean unported = false;
            for (String p : protos) {
                assertTrue(PROTOCOLS.contains(p), id + ": bad protocol token '" + p + "'");
                assertNotNull(IpProtocol.parse(p));
                if (PORTED.contains(p)) {
                    ported = true;
                } else {
                    unported = true;
                }
            }
            assertFalse(ported && unported, id + ": mixes port and IP protocols");
            PortRanges ports = PortRanges.parse(r.get("ports"));
            PortRanges dynamic = PortRanges.parse(r.get("dynamic_ports"));
            assertAscending(id + ": ports", r.get("ports"));
            assertAscending(id + ": dynamic_ports", r.get("dynamic_ports"));
            assertEquals(unported, ports.isEmpty(), id + ": ports must be empty exactly for IP-protocol rows");
            assertTrue(dynamic.minus(ports).isEmpty(), id + ": dynamic_ports not within ports");
            assertTrue(Set.of("yes", "no").contains(r.get("purpose_reconstructed")), id + ": purpose_reconstructed");
            assertTrue(Set.of("", "tftp", "sip", "sccp", "h225", "mgcp").contains(r.get("inspect")), id + ": inspect");
            assertFalse(r.get("purpose").isBlank(), id + ": purpose is empty");
            assertTrue(SOURCE.matcher(r.get("source")).matches(),
                    id + ": source '" + r.get("source") + "' is not guide-ja, guide-en-14su2 or 'reading: <reason>'");
            if (!r.get("expects").isEmpty()) {
                for (String e : r.get("expects").split(";")) {
                    assertTrue(AppProtocol.of(e).isPresent(), id + ": expects '" + e + "'");
                }
                assertTrue(SOURCE.matcher(r.get("expects_source")).matches(),
                        id + ": expects_source '" + r.get("expects_source") + "' is not guide-ja, guide-en-14su2 or 'reading: <reason>'");
            } else {
                assertTrue(r.get("expects_source").isEmpty(), id + ": expects_source without expects");
            }
            if (!r.get("inspect").isEmpty()) {
                // a row read by an inspector expects its protocol; the H.245 rows are read by H.225's follow-ups
                String expected = r.get("expects").equals("h245") ? "h225" : r.get("expects");
                assertTrue(expected.contains(r.get("inspect")), id + ": a row read by the " + r.get("inspect")
                        + " inspector expects " + r.get("inspect"));
            }
        }
    }
}
