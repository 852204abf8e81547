package dev.ucaudit.report;

import dev.ucaudit.audit.Conversation;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.UnusedOpening;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** flows.csv, conversations.csv and unused.csv, with SPEC's columns first and in SPEC's order. */
public final class CsvReports {
    public static final String[] FLOW_COLUMNS = {"first_seen", "last_seen", "initiator", "initiator_port", "responder",
        "responder_port", "protocol", "packets", "bytes", "initiator_role", "responder_role", "verdict", "rule", "reason",
        "initiator_basis", "initiator_name", "responder_name", "packets_from_initiator", "packets_from_responder",
        "bytes_from_initiator", "bytes_from_responder", "tcp_flags", "fragments", "icmp_errors", "tunnel", "roles_from"};
    public static final String[] CONVERSATION_COLUMNS = {"host_a", "host_b", "role_a", "role_b", "flows", "documented",
        "undocumented", "packets", "bytes", "first_seen", "last_seen", "status", "services", "name_a", "name_b", "port_only"};
    public static final String[] UNUSED_COLUMNS = {"rule", "protocol", "ports", "source_role", "destination_role",
        "destination", "purpose", "destination_name"};

    private CsvReports() {
    }

    private static CSVFormat format(String[] header) {
        return CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator("\n").get();
    }

    private static String port(int p) {
        return p < 0 ? "" : Integer.toString(p);
    }

    public static void writeFlows(Path file, List<FlowRecord> rows) throws IOException {
        AtomicFile.write(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format(FLOW_COLUMNS))) {
                for (FlowRecord r : rows) {
                    CsvCells.print(csv, Times.iso(r.firstSeenNanos()), Times.iso(r.lastSeenNanos()), r.initiator().text(),
                            port(r.initiatorPort()), r.responder().text(), port(r.responderPort()), r.protocol().label(), r.packets(),
                            r.bytes(), r.initiatorRole(), r.responderRole(), r.verdict().label(), r.rule(), r.reason(),
                            r.initiatorBasis(), r.initiatorName(), r.responderName(), r.packetsFromInitiator(),
                            r.packetsFromResponder(), r.bytesFromInitiator(), r.bytesFromResponder(), TcpFlagNames.of(r.tcpFlags()),
                            r.fragments(), r.icmpErrors(), r.tunnel(), r.rolesFrom().label());
                }
            }
        });
    }

    public static void writeConversations(Path file, List<Conversation> rows) throws IOException {
        AtomicFile.write(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format(CONVERSATION_COLUMNS))) {
                for (Conversation c : rows) {
                    CsvCells.print(csv, c.hostA().text(), c.hostB().text(), c.roleA(), c.roleB(), c.flows(), c.documented(),
                            c.undocumented(), c.packets(), c.bytes(), Times.iso(c.firstSeenNanos()),
                            Times.iso(c.lastSeenNanos()), c.status(), ServicesText.of(c), c.nameA(), c.nameB(), c.portOnly());
                }
            }
        });
    }

    public static void writeUnused(Path file, List<UnusedOpening> rows) throws IOException {
        AtomicFile.write(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format(UNUSED_COLUMNS))) {
                for (UnusedOpening u : rows) {
                    CsvCells.print(csv, u.rule(), u.protocol(), u.ports(), u.sourceRole(), u.destinationRole(),
                            u.destination(), u.purpose(), u.destinationName());
                }
            }
        });
    }
}
