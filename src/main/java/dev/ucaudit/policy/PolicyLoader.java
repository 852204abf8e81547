package dev.ucaudit.policy;

import dev.ucaudit.catalog.ConfigFile;
import dev.ucaudit.catalog.CsvTrouble;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.catalog.PortRanges;
import dev.ucaudit.catalog.Roles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an allowed-flows CSV: header {@code source,destination,protocol,ports,comment}; lines
 * starting with {@code #} are comments. Every bad row is reported with its file and line; a policy
 * with bad rows must not be used (the caller stops with exit status 2).
 */
public final class PolicyLoader {
    public static final String[] COLUMNS = {"source", "destination", "protocol", "ports", "comment"};

    private final Roles roles;
    private final List<CatalogProblem> problems = new ArrayList<>();

    public PolicyLoader(Roles roles) {
        this.roles = roles;
    }

    public List<CatalogProblem> problems() {
        return List.copyOf(problems);
    }

    public AllowedPolicy load(Path file) {
        String name = file.toString();
        List<PolicyRule> rules = new ArrayList<>();
        String unreadable = ConfigFile.unreadable(file);
        if (unreadable != null) {
            problems.add(new CatalogProblem(name, 0, "allowed-flows file " + unreadable));
            return new AllowedPolicy(name, rules);
        }
        long lastLine = 0;
        try (Reader reader = new BufferedReader(new InputStreamReader(ConfigFile.open(file),
                StandardCharsets.UTF_8));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setCommentMarker('#').get().parse(reader)) {
            for (String column : new String[] {"source", "destination", "protocol", "ports"}) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    problems.add(new CatalogProblem(name, headerLine(file), "header must be " + String.join(",", COLUMNS)
                            + " (found: " + String.join(",", csv.getHeaderMap().keySet()) + ")"));
                    return new AllowedPolicy(name, rules);
                }
            }
            lastLine = headerLine(file);
            for (CSVRecord rec : csv) {
                long line = rec.getParser().getCurrentLineNumber();
                lastLine = line;
                try {
                    rules.add(parse(rec, name + ":" + line));
                } catch (IllegalArgumentException e) {
                    problems.add(new CatalogProblem(name, line, e.getMessage()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // in words, naming the line: never the CSV library's message
            CatalogProblem p = CsvTrouble.problem(name, lastLine + 1, e);
            problems.add(lastLine == 0 ? new CatalogProblem(name, p.line(), "cannot read allowed-flows file: " + p.message()) : p);
        }
        return new AllowedPolicy(name, rules);
    }

    private static long headerLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i + 1;
            }
        }
        return 1;
    }

    private PolicyRule parse(CSVRecord rec, String origin) {
        if (!rec.isConsistent()) {
            throw new IllegalArgumentException("row has " + rec.size() + " fields; expected "
                    + String.join(",", COLUMNS) + " (quote a comment that contains commas)");
        }
        PolicyEndpoint source = endpoint("source", cell(rec, "source"));
        PolicyEndpoint destination = endpoint("destination", cell(rec, "destination"));
        List<IpProtocol> protocols = protocols(cell(rec, "protocol"));
        String portText = cell(rec, "ports");
        PortRanges ports;
        if (portText.isEmpty() || portText.equalsIgnoreCase("any")) {
            ports = PortRanges.NONE;
        } else {
            try {
                ports = PortRanges.parse(portText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ports: " + e.getMessage());
            }
            if (protocols.isEmpty() || protocols.stream().anyMatch(p -> !p.hasPorts())) {
                throw new IllegalArgumentException("ports '" + portText + "' need protocol tcp, udp or tcp/udp (protocol is '"
                        + cell(rec, "protocol") + "'); leave ports empty for other protocols");
            }
        }
        return new PolicyRule(origin, source, destination, protocols, ports, cell(rec, "comment"));
    }

    private static String cell(CSVRecord rec, String column) {
        return rec.isMapped(column) && rec.isSet(column) ? rec.get(column).trim() : "";
    }

    private PolicyEndpoint endpoint(String column, String text) {
        try {
            return PolicyEndpoint.parse(text, roles);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + ": " + e.getMessage());
        }
    }

    private static List<IpProtocol> protocols(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("protocol: empty (write tcp, udp, tcp/udp, icmp, icmpv6, gre, esp, ah, ip-N or any)");
        }
        if (t.equals("any") || t.equals("ip")) {
            return List.of();
        }
        List<IpProtocol> out = new ArrayList<>();
        for (String part : t.split("[/+ ]+")) {
            try {
                IpProtocol p = IpProtocol.parse(part);
                if (!out.contains(p)) {
                    out.add(p);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("protocol: " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
