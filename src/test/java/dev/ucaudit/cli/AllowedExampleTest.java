package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example allowed-flows file of docs/nightly.md, used on the bundled sample: it must let every
 * documented flow through (the call's media and the TFTP data included) and leave exactly the sample's
 * undocumented flows escaped, so that the example shows what the policy check is for.
 */
class AllowedExampleTest {
    @TempDir
    Path dir;

    @Test
    void onTheSampleOnlyTheUndocumentedFlowsEscape() throws Exception {
        String doc = Files.readString(Path.of("docs", "nightly.md"));
        int section = doc.indexOf("## The allowed-flows file");
        int start = doc.indexOf("```csv\n", section) + "```csv\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        assertTrue(example.startsWith("# site/allowed.csv"), example);
        Path allowed = dir.resolve("allowed.csv");
        Files.writeString(allowed, example);
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--inventory", "captures/lab-site-inventory.csv", "--allowed", allowed.toString(),
                "--out", out.toString(), "captures/lab-site.pcap");
        assertEquals(1, r.status, r.toString());
        Set<String> escaped = keys(out.resolve("escaped.csv"), null);
        Set<String> undocumented = keys(out.resolve("flows.csv"), "undocumented");
        assertEquals(4, undocumented.size(), undocumented.toString());
        assertEquals(undocumented, escaped, "escaped flows should be exactly the undocumented ones");
    }

    /** initiator → responder port/protocol of every row (of the given verdict, when not null). */
    private static Set<String> keys(Path csv, String verdict) throws Exception {
        Set<String> keys = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            for (CSVRecord row : rows) {
                if (verdict == null || row.get("verdict").equals(verdict)) {
                    keys.add(row.get("initiator") + " → " + row.get("responder") + " " + row.get("responder_port") + "/" + row.get("protocol"));
                }
            }
        }
        return keys;
    }
}
