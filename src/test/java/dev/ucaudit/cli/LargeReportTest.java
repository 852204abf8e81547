package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Floods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many host pairs: report.html lists the first 1,000 and says how many more conversations.csv
 * holds, so the page stays the same size however many pairs the traffic has.
 */
class LargeReportTest {
    @TempDir
    Path dir;

    @Test
    void reportHtmlIsBoundedAndPointsToTheCsv() throws Exception {
        Path pcap = dir.resolve("pairs.pcap");
        Floods.hostPairs(pcap, 20_000);
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), pcap.toString());
        assertTrue(r.status == 0 || r.status == 1, r.toString());
        assertEquals(20_001, Files.readAllLines(out.resolve("conversations.csv")).size());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Conversation pairs (20,000)"), "the count of all pairs");
        int at = html.indexOf("19,000 more pairs (");
        assertTrue(at > 0 && html.indexOf(" in conversations.csv", at) > 0, "says where the rest is");
        Matcher rows = Pattern.compile("<span class=\"badge ").matcher(html);
        int n = 0;
        while (rows.find()) {
            n++;
        }
        assertEquals(1_000, n, "pair rows on the page");
        assertTrue(html.length() < 1_500_000, "report.html is " + html.length() + " chars");
    }
}
