package dev.ucaudit.cli;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
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
            "Every bad row is reported with its file and line; the exit status is 2 when any row is bad."})
final class CatalogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Option(names = "--port", paramLabel = "PORT", description = "Only rows that name this port (listening or negotiated).")
    Integer port;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "Only rows whose source or destination applies to a host of this role (a phone is also media and endpoint).")
    String role;

    @Option(names = "--table", paramLabel = "N", description = "Only rows of this table of the guide.")
    Integer table;

    @Option(names = "--protocol", paramLabel = "PROTO", description = "Only rows of this protocol (tcp, udp, icmp, gre, ...).")
    String protocol;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people) or csv (the normalized catalog). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("csv")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be table or csv, not '" + format + "'");
        }
        CatalogOptions.Loaded loaded = catalogOptions.load(err);
        Catalog catalog = loaded.catalog();
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
                .filter(r -> roleClosure == null || roleClosure.contains(r.sourceRole()) || roleClosure.contains(r.destinationRole()))
                .toList();
        if (format.equals("csv")) {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                    .setHeader("rule", "table", "source_role", "destination_role", "protocol", "ports", "purpose",
                            "dynamic_ports", "inspect", "duplicate_of", "table_title", "purpose_reconstructed", "notes").get())) {
                for (CatalogRule r : rows) {
                    dev.ucaudit.report.CsvCells.print(csv, r.id(), r.table() == 0 ? "" : r.table(), r.sourceRole(), r.destinationRole(),
                            r.protocolLabel(), r.ports(), r.purpose(), r.dynamicPorts(), r.inspect(), r.duplicateOf(),
                            r.tableTitle(), r.purposeReconstructed() ? "yes" : "no", r.notes());
                }
            }
        } else {
            out.printf("%-7s %-9s %-24s %-18s %-18s %s%n", "RULE", "PROTO", "PORTS", "SOURCE", "DESTINATION", "PURPOSE");
            for (CatalogRule r : rows) {
                String ports = r.ports().toString();
                if (!r.dynamicPorts().isEmpty()) {
                    ports = r.listeningPorts() + " then " + r.dynamicPorts();
                }
                out.printf("%-7s %-9s %-24s %-18s %-18s %s%s%n", r.id(), r.protocolLabel(), ports.isEmpty() ? "-" : ports,
                        r.sourceRole(), r.destinationRole(), r.purpose(), r.isDuplicate() ? " [duplicate of " + r.duplicateOf() + "]" : "");
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
}
