package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inventory of 5,000 single phones: the rules toward phones would give 5,000 unused.csv rows
 * each; past 1,000 per rule they are summarised per /24 with the number of entries each row stands for.
 */
class LargeInventoryUnusedTest {
    @TempDir
    Path dir;

    @Test
    void unusedOpeningsOfManyHostsAreSummarisedPerRuleAndPrefix() throws Exception {
        StringBuilder inv = new StringBuilder("address,role,name\n10.10.1.10,cucm-publisher,pub\n10.10.1.11,cucm-subscriber,sub\n");
        for (int i = 0; i < 5_000; i++) {
            inv.append("10.60.").append(i / 250).append('.').append(1 + i % 250).append(",phone,SEP").append(i).append('\n');
        }
        Path inventory = dir.resolve("inv.csv");
        Files.writeString(inventory, inv);
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--inventory", inventory.toString(), "--out", out.toString(), "captures/lab-site.pcap");
        assertTrue(r.status == 0 || r.status == 1, r.toString());
        List<String> rows = Files.readAllLines(out.resolve("unused.csv"));
        Map<String, Long> perRule = rows.stream().skip(1).collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf(',')), Collectors.counting()));
        assertTrue(perRule.containsKey("T5-01"), perRule.toString());
        assertEquals(20, perRule.get("T5-01"), "5,000 phones in 20 /24s");
        assertTrue(perRule.values().stream().allMatch(n -> n <= 1_000), perRule.toString());
        String t501 = rows.stream().filter(l -> l.startsWith("T5-01,") && l.contains("10.60.0.0/24")).findFirst().orElseThrow();
        assertTrue(t501.contains("250 unused inventory entries (summarised"), t501);
        assertTrue(r.err.contains("bound reached: the unused openings of"), r.err);
    }
}
