package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogInput;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.inventory.InventoryLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bad rows (wrong field counts, stray and unclosed quotes, unicode junk, invalid UTF-8, huge
 * values, NULs) spliced into good catalogs and inventories: every problem names the file and a line,
 * nothing throws, and the command line never prints a stack trace.
 */
class BadCsvFuzzTest {
    static final int ROUNDS = Integer.getInteger("csvfuzz.rounds", 300);
    private static final String[] JUNK = {"\"", "\"\"", "a\"b", "\"open", ",,,,,,,,,,,,,,,,,,,,,,,,,", "\u0000", "\uFEFF", "é",
        "日本語,電話", "\uD83D\uDE00", "\t", "\r", "99999999999999999999", "-1", "65536", "0-65535", "1-", "-", "tcp/udp/icmp",
        "ip-999", "10.0.0.0/33", "::ffff:10.0.0.1", "2001:db8::/129", "cucm;phone", "phone", "endpoint", ";", "=cmd|' /C calc'!A0"};

    @TempDir
    Path dir;

    static String junkRow(Random r, int fields) {
        int n = r.nextInt(4) == 0 ? r.nextInt(40) : Math.max(0, fields + r.nextInt(5) - 2);
        StringBuilder sb = new StringBuilder("JUNK!"); // never a valid rule id or address: the row must be reported
        for (int i = 1; i < n; i++) {
            sb.append(',');
            switch (r.nextInt(5)) {
                case 0 -> sb.append(JUNK[r.nextInt(JUNK.length)]);
                case 1 -> sb.append("x".repeat(r.nextInt(3) == 0 ? 100_000 : r.nextInt(20)));
                case 2 -> {
                    for (int k = r.nextInt(12); k > 0; k--) {
                        sb.append((char) r.nextInt(0x3000));
                    }
                }
                case 3 -> sb.append('"').append(JUNK[r.nextInt(JUNK.length)].replace("\"", "\"\"")).append('"');
                default -> sb.append(r.nextInt(70000));
            }
        }
        return sb.toString();
    }

    static byte[] spoil(Random r, List<String> good, int fields) {
        List<String> lines = new ArrayList<>(good);
        int bad = 1 + r.nextInt(4);
        for (int i = 0; i < bad; i++) {
            lines.add(1 + r.nextInt(lines.size()), junkRow(r, fields));
        }
        byte[] b = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(6) == 0 && b.length > 0) {
            b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x40)); // invalid UTF-8
        }
        return b;
    }

    private static final Pattern FILE_LINE = Pattern.compile(".*\\.csv:\\d+: .*", Pattern.DOTALL);

    private static void assertNamesFileAndLine(List<CatalogProblem> problems, String what) {
        for (CatalogProblem p : problems) {
            assertTrue(p.line() > 0, what + ": problem without a line: " + p.describe());
            assertTrue(FILE_LINE.matcher(p.describe()).matches(), what + ": " + p.describe());
        }
    }

    @Test
    void badCatalogRowsGiveFileAndLine() throws Exception {
        List<String> good = Files.readAllLines(Path.of("rules/cucm-ports.csv")).subList(0, 30);
        int fields = good.get(0).split(",").length;
        Random r = new Random(7);
        long problems = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Path f = dir.resolve("catalog-" + i + ".csv");
            Files.write(f, spoil(r, good, fields));
            CatalogLoader loader = new CatalogLoader();
            Catalog c = loader.load(loader.loadRoles(CatalogInput.file(Path.of("rules/roles.csv"))), List.of(CatalogInput.file(f)));
            assertFalse(loader.problems().isEmpty(), "round " + i + ": junk rows are reported");
            assertNamesFileAndLine(loader.problems(), "round " + i);
            problems += loader.problems().size();
            assertTrue(c.rules().size() <= 29);
        }
        System.out.println("catalog: " + ROUNDS + " spoiled files, " + problems + " problems, all with file:line");
    }

    @Test
    void badInventoryRowsGiveFileAndLine() throws Exception {
        List<String> good = List.of("address,role,name", "10.10.1.10,cucm-publisher,pub", "10.20.0.0/24,phone,voice",
                "2001:db8::/64,phone,v6", "10.30.0.1,gateway,\"gw, isr\"", "10.40.0.5,ldap,dc");
        Random r = new Random(11);
        CatalogLoader cl = new CatalogLoader();
        var roles = cl.loadRoles(CatalogInput.file(Path.of("rules/roles.csv")));
        for (int i = 0; i < ROUNDS; i++) {
            Path f = dir.resolve("inventory-" + i + ".csv");
            Files.write(f, spoil(r, good, 3));
            InventoryLoader loader = new InventoryLoader();
            loader.load(f, roles);
            assertFalse(loader.problems().isEmpty(), "round " + i + ": junk rows are reported");
            assertNamesFileAndLine(loader.problems(), "round " + i);
        }
    }

    @Test
    void catalogCommandNeverPrintsAStackTrace() throws Exception {
        List<String> good = Files.readAllLines(Path.of("rules/cucm-ports.csv")).subList(0, 20);
        int fields = good.get(0).split(",").length;
        Random r = new Random(13);
        for (int i = 0; i < Math.min(ROUNDS, 60); i++) {
            Path f = dir.resolve("cmd-" + i + ".csv");
            Files.write(f, spoil(r, good, fields));
            Cli c = Cli.run("catalog", "--catalog", f.toString());
            assertFalse(c.err.contains("\tat ") || c.err.contains("Exception"), c.toString());
            assertEquals(2, c.status, c.toString());
            assertTrue(c.err.contains(f + ":"), c.toString());
        }
    }

    @Test
    void unclosedQuoteMidFileNamesTheLineWhereTheRowStarts() throws Exception {
        Path f = dir.resolve("unclosed.csv");
        List<String> good = new ArrayList<>(Files.readAllLines(Path.of("rules/cucm-ports.csv")).subList(0, 6));
        good.add(4, "T9-99,1,x,endpoint,cucm,udp,\"514,,,,broken");
        Files.writeString(f, String.join("\n", good) + "\n");
        CatalogLoader loader = new CatalogLoader();
        loader.load(loader.loadRoles(CatalogInput.file(Path.of("rules/roles.csv"))), List.of(CatalogInput.file(f)));
        List<String> msgs = loader.problems().stream().map(CatalogProblem::describe).toList();
        assertTrue(msgs.stream().anyMatch(m -> m.startsWith(f + ":5: ") && m.contains("quote")), msgs.toString());
    }
}
