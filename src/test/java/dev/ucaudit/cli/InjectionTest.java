package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.policy.PolicyLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 section 3: nothing is injected into what people and devices read. */
@ChildJvm
class InjectionTest {
    static final String PCAP = "captures/lab-site.pcap";
    static final String INVENTORY = "captures/lab-site-inventory.csv";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click\")";

    @TempDir
    Path dir;

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setCommentMarker('#').get().parse(r).getRecords();
        }
    }

    /** Inventory names that a spreadsheet would run as formulas are written as text (a leading quote). */
    @Test
    void formulaCellsAreNeutralisedInEveryCsv() throws IOException {
        List<String> inv = new ArrayList<>();
        String[] names = {FORMULA, "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"};
        int i = 0;
        for (String line : Files.readAllLines(Path.of(INVENTORY))) {
            if (line.startsWith("#") || line.startsWith("address,")) {
                inv.add(line);
                continue;
            }
            String[] f = line.split(",", 3);
            String name = names[i++ % names.length];
            inv.add(f[0] + "," + f[1] + ",\"" + name.replace("\"", "\"\"") + "\"");
        }
        Path inventory = dir.resolve("inv.csv");
        Files.write(inventory, inv);
        Path allowed = dir.resolve("allowed.csv");
        Files.writeString(allowed, "source,destination,protocol,ports,comment\nphone,cucm-subscriber,tcp,2000,\"=1+1\"\n"
                + "phone,cucm,udp,1,\"-unused\"\n");
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--inventory", inventory.toString(), "--allowed", allowed.toString(), "--state",
                dir.resolve("state.json").toString(), "--out", out.toString(), "--fail-on", "none", PCAP);
        assertEquals(0, r.status, r.toString());
        int neutralised = 0;
        try (var files = Files.list(out)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (CSVRecord rec : records(csv)) {
                    for (String cell : rec) {
                        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                                csv.getFileName() + ":" + rec.getRecordNumber() + ": formula cell " + cell);
                        if (cell.equals("'" + FORMULA) || cell.equals("'=1+1") || cell.equals("'-unused")) {
                            neutralised++;
                        }
                    }
                }
            }
        }
        assertTrue(neutralised > 3, "the names are there, as text: " + neutralised);
        assertTrue(Files.readString(out.resolve("flows.csv")).contains(",\"'" + FORMULA.replace("\"", "\"\"") + "\""));
    }

    /** A newline in the report folder's name never becomes a line of its own in the drafts. */
    @Test
    void reportFolderNameCannotAddLinesToTheDrafts() throws Exception {
        String evil = "rep\naccess-list UCAUDIT-ALLOWED extended permit ip any any\n}\ntable inet x { chain y { accept\r";
        Path out = dir.resolve(evil);
        Cli audit = Cli.run("audit", "--inventory", INVENTORY, "--out", out.toString(), PCAP);
        assertEquals(1, audit.status, audit.toString());
        Path export = dir.resolve("export");
        Cli r = Cli.run("export", out.toString(), "--out", export.toString(), "--inventory", INVENTORY);
        assertEquals(0, r.status, r.toString());

        Pattern asaLine = Pattern.compile("!.*|object-group network UC-[A-Z0-9-]+| network-object (host [0-9a-f.:]+|[0-9.]+ [0-9.]+|[0-9a-f:]+/\\d+)"
                + "|access-list UCAUDIT-ALLOWED (remark [^\\n]*|extended permit [a-z0-9]+ (object-group UC-[A-Z0-9-]+|host \\S+|\\S+ \\S+)"
                + " (object-group UC-[A-Z0-9-]+|host \\S+|\\S+ \\S+)( eq \\d+| range \\d+ \\d+)?)");
        for (String line : Files.readAllLines(export.resolve("asa-acl.txt"))) {
            assertTrue(asaLine.matcher(line).matches(), "not an ASA draft line: " + line);
            assertFalse(line.equals("access-list UCAUDIT-ALLOWED extended permit ip any any"), line);
        }
        List<String> nft = Files.readAllLines(export.resolve("nftables.nft"));
        assertEquals(1, nft.stream().filter(l -> l.startsWith("table ")).count(), "one table: " + nft);
        for (String line : nft) {
            assertFalse(line.startsWith("access-list") || line.startsWith("}") && !line.equals("}"), line);
        }
        nftCheck(export.resolve("nftables.nft"));
        PolicyLoader loader = new PolicyLoader(new CatalogLoader().load(List.of()).roles());
        loader.load(export.resolve("allowed-draft.csv"));
        assertEquals(List.of(), loader.problems(), "allowed-draft.csv loads back as it is");
        for (String name : new String[] {"allowed-draft.csv", "inventory-draft.csv"}) {
            for (String line : Files.readAllLines(export.resolve(name))) {
                assertFalse(line.startsWith("access-list") || line.startsWith("table"), name + ": " + line);
            }
        }
    }

    /** nft -c -f checks the ruleset without loading it, where nft is installed and may open netlink. */
    private static void nftCheck(Path file) throws Exception {
        Path nft = Path.of("/usr/sbin/nft");
        if (!Files.isExecutable(nft)) {
            return; // the line checks above still ran
        }
        Process p = new ProcessBuilder(nft.toString(), "-c", "-f", file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        if (p.exitValue() != 0 && (text.contains("Operation not permitted") || text.contains("netlink"))) {
            return; // no privileges for a check here
        }
        assertEquals(0, p.exitValue(), "nft -c -f " + file + ":\n" + text);
    }

    @Test
    void diffAndExportRefuseFoldersThatAreNotReports() throws IOException {
        Path out = dir.resolve("report");
        assertEquals(1, Cli.run("audit", "--inventory", INVENTORY, "--out", out.toString(), PCAP).status);

        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String f : new String[] {"flows.csv", "unused.csv"}) {
            Files.copy(out.resolve(f), copy.resolve(f));
        }
        Cli r = Cli.run("export", copy.toString(), "--out", dir.resolve("e1").toString());
        assertEquals(2, r.status, r.toString());
        assertEquals("ucaudit: " + copy.resolve("summary.json") + ": missing: not a complete ucaudit report (was the audit interrupted?)\n", r.err);

        Files.writeString(copy.resolve("summary.json"), "{\"tool\":\"ucaudit\",\"report_format\":99}\n");
        r = Cli.run("diff", out.toString(), copy.toString(), "--out", dir.resolve("d1").toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + copy.resolve("summary.json") + ":1: report format 99; this ucaudit reads format 1"), r.err);

        Files.copy(out.resolve("summary.json"), copy.resolve("summary.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("flows.csv")));
        lines.set(2, lines.get(2).replaceFirst("^([^,]*,[^,]*,)[^,]*,", "$1\"=cmd|' /C calc'!A0\",")); // initiator of line 3
        Files.write(copy.resolve("flows.csv"), lines);
        r = Cli.run("export", copy.toString(), "--out", dir.resolve("e2").toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + copy.resolve("flows.csv") + ":3: initiator '=cmd|' /C calc'!A0' is not an IP address"), r.err);
        assertFalse(Files.exists(dir.resolve("e2")), "nothing written from unchecked cells");
    }
}
