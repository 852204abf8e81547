package dev.ucaudit.diff;

import dev.ucaudit.report.SummaryKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.Prefix;
import dev.ucaudit.report.SummaryJson;
import java.io.UncheckedIOException;
import dev.ucaudit.report.FlowRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A report folder read back from disk: flows.csv and unused.csv by column name (SPEC's columns;
 * extra columns are ignored), and summary.json when present. Any row that does not parse is an
 * {@link InputException} naming file and line.
 */
public record ReportFolder(Path dir, List<FlowRow> flows, List<UnusedRow> unused, Optional<JsonNode> summary) {

    static final String[] FLOW_COLUMNS = {"first_seen", "last_seen", "initiator", "initiator_port", "responder",
        "responder_port", "protocol", "packets", "bytes", "initiator_role", "responder_role", "verdict", "rule", "reason"};
    static final String[] UNUSED_COLUMNS = {"rule", "protocol", "ports", "source_role", "destination_role",
        "destination", "purpose"};

    public static ReportFolder read(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new InputException(dir.toString(), 0, "a file, not a report folder: diff compares the folders 'ucaudit audit"
                    + " --out DIR' writes; to compare captures, audit each first (ucaudit audit --out DIR " + dir + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, "not a report folder (no such folder); write one with 'ucaudit audit --out "
                    + dir + " CAPTURE...' first");
        }
        // summary.json first: a folder without one is not a (complete) ucaudit report, whatever its CSVs hold
        Optional<JsonNode> summary = readSummary(dir.resolve(SummaryKeys.FILE));
        List<FlowRow> flows = new ArrayList<>();
        readCsv(dir.resolve("flows.csv"), FLOW_COLUMNS, (rec, file, line) -> flows.add(new FlowRow(
                rec.get("first_seen"), rec.get("last_seen"), address(rec.get("initiator"), "initiator", file, line),
                port(rec.get("initiator_port"), file, line),
                address(rec.get("responder"), "responder", file, line), port(rec.get("responder_port"), file, line),
                protocol(rec.get("protocol"), file, line),
                number(rec.get("packets"), "packets", file, line), number(rec.get("bytes"), "bytes", file, line),
                role(rec.get("initiator_role"), "initiator_role", file, line), role(rec.get("responder_role"), "responder_role", file, line),
                verdict(rec.get("verdict"), file, line), rec.get("rule"), rec.get("reason"))));
        List<UnusedRow> unused = new ArrayList<>();
        readCsv(dir.resolve("unused.csv"), UNUSED_COLUMNS, (rec, file, line) -> unused.add(new UnusedRow(rec.get("rule"),
                protocol(rec.get("protocol"), file, line), rec.get("ports"), role(rec.get("source_role"), "source_role", file, line),
                role(rec.get("destination_role"), "destination_role", file, line),
                rec.get("destination").isEmpty() ? "" : address(rec.get("destination"), "destination", file, line),
                rec.get("purpose"))));
        return new ReportFolder(dir, List.copyOf(flows), List.copyOf(unused), summary);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(CSVRecord rec, String file, long line);
    }

    private static void readCsv(Path path, String[] required, RowReader rows) {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new InputException(file, 0, "missing: not a complete report folder (was the audit interrupted?)");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (String column : required) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new InputException(file, 1, "column '" + column + "' is missing from the header (found: "
                            + String.join(",", csv.getHeaderMap().keySet()) + ")");
                }
            }
            long line = 2;
            for (CSVRecord rec : csv) {
                if (!rec.isConsistent()) {
                    throw new InputException(file, line, "row has " + rec.size() + " fields, the header has "
                            + csv.getHeaderMap().size());
                }
                rows.read(rec, file, line);
                line = csv.getCurrentLineNumber() + 1;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Optional<JsonNode> readSummary(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InputException(path.toString(), 0, "missing: not a complete ucaudit report (was the audit interrupted?)");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(path.toFile());
            if (root == null || !root.isObject() || !SummaryKeys.TOOL_NAME.equals(root.path(SummaryKeys.TOOL).asText())) {
                throw new InputException(path.toString(), 1, "not written by ucaudit (no \"tool\": \"ucaudit\")");
            }
            int format = root.path(SummaryKeys.REPORT_FORMAT).asInt(1);
            if (format != SummaryJson.FORMAT) {
                throw new InputException(path.toString(), 1, "report format " + root.path(SummaryKeys.REPORT_FORMAT).asText()
                        + "; this ucaudit reads format " + SummaryJson.FORMAT + " (re-run the audit with this version)");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(path.toString(), line, "not valid JSON");
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private static int port(String text, String file, long line) {
        if (text.isEmpty()) {
            return -1;
        }
        long n = number(text, "port", file, line);
        if (n > 65535) {
            throw new InputException(file, line, "port " + n + " is out of range 0-65535");
        }
        return (int) n;
    }

    private static long number(String text, String what, String file, long line) {
        try {
            long n = Long.parseLong(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException(file, line, what + " '" + text + "' is not a non-negative whole number");
        }
    }

    /** An IP address or prefix as ucaudit writes it; anything else (a newline, a command) is refused. */
    private static String address(String text, String what, String file, long line) {
        try {
            Prefix.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new InputException(file, line, what + " '" + printable(text) + "' is not an IP address");
        }
    }

    private static String role(String text, String what, String file, long line) {
        if (!text.matches("[a-z][a-z0-9-]*")) {
            throw new InputException(file, line, what + " '" + printable(text) + "' is not a role name (lower-case letters, digits, '-')");
        }
        return text;
    }

    private static String protocol(String text, String file, long line) {
        try {
            for (String part : text.split("/", -1)) {
                IpProtocol.parse(part);
            }
            return text;
        } catch (IllegalArgumentException e) {
            throw new InputException(file, line, "protocol '" + printable(text) + "' is not a protocol ucaudit writes");
        }
    }

    /** A cell quoted in a message: control characters shown as '?', at most 60 characters. */
    private static String printable(String text) {
        String s = text.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String verdict(String text, String file, long line) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("documented") && !v.equals("undocumented") && !v.equals("port-only")) {
            throw new InputException(file, line, "verdict '" + text + "' is not documented, undocumented or port-only");
        }
        return v;
    }

    /** Capture time of the report's last packet (summary.json time_window.last), if known. */
    public Optional<String> windowEnd() {
        return summary.map(s -> s.path(SummaryKeys.TIME_WINDOW).path(SummaryKeys.LAST).asText("")).filter(s -> !s.isEmpty());
    }

    /** Flow rows summary.json says were counted but not written to flows.csv (--max-flow-rows). */
    public long rowsNotWritten() {
        return summary.map(s -> s.path(SummaryKeys.FLOWS).path(SummaryKeys.ROWS_NOT_WRITTEN).asLong(0)).orElse(0L);
    }
}
