package dev.ucaudit.policy;

import dev.ucaudit.report.CsvCells;
import dev.ucaudit.report.FlowRow;
import dev.ucaudit.report.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** escaped.csv and unused-allowed.csv, written into the report folder by {@code audit --allowed}. */
public final class PolicyCsv {
    public static final String[] ESCAPED_COLUMNS = {"first_seen", "last_seen", "initiator", "initiator_port", "responder",
        "responder_port", "protocol", "packets", "bytes", "initiator_role", "responder_role", "verdict", "rule",
        "nearest_allowed", "why"};
    public static final String[] UNUSED_ALLOWED_COLUMNS = {"allowed_rule", "source", "destination", "protocol", "ports",
        "comment"};

    private PolicyCsv() {
    }

    private static CSVFormat format(String[] header) {
        return CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator("\n").get();
    }

    private static String port(int p) {
        return p < 0 ? "" : Integer.toString(p);
    }

    public static void writeEscaped(Path file, PolicyCheck.Result result) throws IOException {
        AtomicFile.write(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format(ESCAPED_COLUMNS))) {
                for (PolicyCheck.Escape e : result.escaped()) {
                    FlowRow f = e.flow();
                    CsvCells.print(csv, f.firstSeen(), f.lastSeen(), f.initiator(), port(f.initiatorPort()), f.responder(),
                            port(f.responderPort()), f.protocol(), f.packets(), f.bytes(), f.initiatorRole(),
                            f.responderRole(), f.verdict(), f.rule(), e.nearest().map(PolicyRule::origin).orElse(""), e.why());
                }
            }
        });
    }

    public static void writeUnusedAllowed(Path file, PolicyCheck.Result result) throws IOException {
        AtomicFile.write(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format(UNUSED_ALLOWED_COLUMNS))) {
                for (PolicyCheck.RuleUse u : result.unusedRules()) {
                    PolicyRule r = u.rule();
                    CsvCells.print(csv, r.origin(), r.source().text(), r.destination().text(), r.protocolText(),
                            r.ports().toString(), r.comment());
                }
            }
        });
    }

    /** summary.json's "policy" section. */
    public static Map<String, Object> summary(PolicyCheck.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowed_flows_file", result.policySource());
        m.put("rules", result.ruleUses().size());
        m.put("flows_checked", result.flowsChecked());
        m.put("escaped", result.escaped().size());
        m.put("escaped_documented", result.escaped().stream().filter(e -> e.flow().documented()).count());
        m.put("allowed_rules_unused", result.unusedRules().size());
        return m;
    }
}
