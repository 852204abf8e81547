package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ucaudit.report.CsvCells;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Check and show the port catalog: which ports, which rows, which problems.",
            "Every bad row is reported with its file and line."},
        versionProvider = Version.class, exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every row read", "2:bad usage, or a row that does not parse"})
final class CatalogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Option(names = "--port", paramLabel = "PORT",
            description = "Only rows that name this port (1-65535, listening or negotiated), the most specific row first.")
    Integer port;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "Only rows whose source or destination applies to a host of this role (a phone is also media and endpoint).")
    String role;

    @Option(names = "--table", paramLabel = "N", description = "Only rows of this table of the guide.")
    Integer table;

    @Option(names = "--protocol", paramLabel = "PROTO", description = "Only rows of this protocol (tcp, udp, icmp, gre, ...).")
    String protocol;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", completionCandidates = Candidates.CatalogFormats.class,
            description = "table (for people), csv (the normalized catalog, with each row's source) or json (an array of rows with the csv's columns, table as a number). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("csv") && !format.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be table, csv or json, not '" + format + "'");
        }
        if (port != null && (port < 1 || port > 65535)) {
            return usageError(err, "--port " + port + " is not a port (1-65535)");
        }
        CatalogOptions.Loaded loaded = catalogOptions.load(err);
        Catalog catalog = loaded.catalog();
        if (table != null && catalog.rules().stream().noneMatch(r -> r.table() == table)) {
            return usageError(err, "--table " + table + " is not a table of the catalog (tables: "
                    + catalog.rules().stream().map(CatalogRule::table).filter(t -> t > 0).distinct().sorted()
                            .map(String::valueOf).collect(Collectors.joining(",")) + ")");
        }
        if (role != null && !catalog.roles().isKnown(role)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--role '" + role + "' is not a role; known: "
                    + String.join(", ", catalog.roles().names()));
        }
        IpProtocol proto = protocol == null ? null : IpProtocol.parse(protocol);
        Set<String> roleClosure = role == null ? null : catalog.roles().closureOf(role);
        List<CatalogRule> rows = catalog.rules().stream()
                .filter(r -> port == null || r.ports().contains(port))
                .filter(r -> table == null || r.table() == table)
                .filter(r -> proto == null || r.hasProtocol(proto.number()))
                .filter(r -> roleClosure == null || catalog.roles().matches(role, r.sourceRole(), r.id())
                        || catalog.roles().matches(role, r.destinationRole(), r.id()))
                .sorted(port == null ? (a, b) -> 0 : mostSpecificFirst(port, catalog))
                .toList();
        if (format.equals("json")) {
            writeJson(out, rows);
        } else if (format.equals("csv")) {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                    .setHeader("rule", "table", "source_role", "destination_role", "protocol", "ports", "purpose",
                            "dynamic_ports", "inspect", "duplicate_of", "table_title", "purpose_reconstructed", "notes", "source", "expects",
                            "expects_source").get())) {
                for (CatalogRule r : rows) {
                    CsvCells.print(csv, r.id(), r.table() == 0 ? "" : r.table(), r.sourceRole(), r.destinationRole(),
                            r.protocolLabel(), r.ports().asWritten(), r.purpose(), r.dynamicPorts().asWritten(),
                            r.inspect().map(AppProtocol::token).orElse(""), r.duplicateOf(), r.tableTitle(),
                            r.purposeReconstructed() ? "yes" : "no", r.notes(), r.source(), r.expectsText(), r.expectsSource());
                }
            }
        } else {
            out.printf("%-7s %-9s %-24s %-18s %-18s %s%n", "RULE", "PROTO", "PORTS", "SOURCE", "DESTINATION", "PURPOSE");
            for (CatalogRule r : rows) {
                String ports = r.ports().asWritten();
                if (!r.dynamicPorts().isEmpty()) {
                    ports = r.listeningPorts() + " then " + r.dynamicPorts();
                }
                out.printf("%-7s %-9s %-24s %-18s %-18s %s%s%n", r.id(), r.protocolLabel(), ports.isEmpty() ? "-" : ports,
                        r.sourceRole(), r.destinationRole(), r.purpose(), r.isDuplicate() ? " [not indexed: covered by " + r.duplicateOf() + "]" : "");
                if (port != null && !r.source().isEmpty()) {
                    out.printf("%-7s source: %s%n", "", r.source());
                }
                if (port != null && !r.expects().isEmpty()) {
                    out.printf("%-7s expects: %s (%s)%n", "", r.expectsText(), r.expectsSource());
                }
            }
            out.printf("%d of %d rows; catalog: %s%n", rows.size(), catalog.rules().size(), String.join(", ", catalog.sources()));
        }
        out.flush();
        if (!loaded.problems().isEmpty()) {
            err.println("ucaudit: " + loaded.problems().size() + " catalog row(s) could not be read; fix them (file:line above)");
            err.flush();
            return 2;
        }
        return 0;
    }

    /** A usage mistake: one line naming it and where help is, exit status 2. */
    private static int usageError(PrintWriter err, String message) {
        err.println("ucaudit: " + Printable.escape(message) + "; see ucaudit catalog --help");
        err.flush();
        return 2;
    }

    /**
     * For {@code --port N}: the row whose listed item holding N is narrowest first ({@code 5060} before
     * {@code 5060-5061} before {@code 1024-65535}), then the row naming fewer ports ({@code 5060} before {@code 5060,5061}),
     * then the row with the more specific roles, then the catalog's order.
     */
    private static Comparator<CatalogRule> mostSpecificFirst(int port, Catalog catalog) {
        return Comparator.<CatalogRule>comparingInt(r -> r.ports().itemSizeAt(port))
                .thenComparingInt(r -> r.ports().size())
                .thenComparing(Comparator.<CatalogRule>comparingInt(r -> catalog.roles().specificity(r.sourceRole())
                        + catalog.roles().specificity(r.destinationRole())).reversed());
    }

    private static void writeJson(PrintWriter out, List<CatalogRule> rows) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (CatalogRule r : rows) {
            ObjectNode o = array.addObject();
            o.put("rule", r.id());
            if (r.table() == 0) {
                o.putNull("table");
            } else {
                o.put("table", r.table());
            }
            o.put("source_role", r.sourceRole()).put("destination_role", r.destinationRole()).put("protocol", r.protocolLabel())
                    .put("ports", r.ports().asWritten()).put("purpose", r.purpose()).put("dynamic_ports", r.dynamicPorts().asWritten())
                    .put("inspect", r.inspect().map(AppProtocol::token).orElse("")).put("duplicate_of", r.duplicateOf()).put("table_title", r.tableTitle())
                    .put("purpose_reconstructed", r.purposeReconstructed()).put("notes", r.notes()).put("source", r.source())
                    .put("expects", r.expectsText()).put("expects_source", r.expectsSource());
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    }
}
