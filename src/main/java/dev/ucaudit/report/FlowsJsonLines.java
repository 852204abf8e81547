package dev.ucaudit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ucaudit.audit.FlowRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Flows as JSON Lines, one object per flow with flows.csv's columns as keys, typed as Zeek's JSON
 * logs and {@code nfdump -o json} are: counts and ports are numbers (a port is null for protocols
 * without ports), times ISO-8601 strings with milliseconds.
 */
public final class FlowsJsonLines {
    private static final JsonFactory JSON = new JsonFactory();

    private FlowsJsonLines() {
    }

    public static void write(Writer out, List<FlowRecord> rows) throws IOException {
        String[] c = CsvReports.FLOW_COLUMNS;
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(null);
            for (FlowRecord r : rows) {
                g.writeStartObject();
                g.writeStringField(c[0], Times.iso(r.firstSeenNanos()));
                g.writeStringField(c[1], Times.iso(r.lastSeenNanos()));
                g.writeStringField(c[2], r.initiator().text());
                port(g, c[3], r.initiatorPort());
                g.writeStringField(c[4], r.responder().text());
                port(g, c[5], r.responderPort());
                g.writeStringField(c[6], r.protocol().label());
                g.writeNumberField(c[7], r.packets());
                g.writeNumberField(c[8], r.bytes());
                g.writeStringField(c[9], r.initiatorRole());
                g.writeStringField(c[10], r.responderRole());
                g.writeStringField(c[11], r.verdict().label());
                g.writeStringField(c[12], r.rule());
                g.writeStringField(c[13], r.reason());
                g.writeStringField(c[14], r.initiatorBasis());
                g.writeStringField(c[15], r.initiatorName());
                g.writeStringField(c[16], r.responderName());
                g.writeNumberField(c[17], r.packetsFromInitiator());
                g.writeNumberField(c[18], r.packetsFromResponder());
                g.writeNumberField(c[19], r.bytesFromInitiator());
                g.writeNumberField(c[20], r.bytesFromResponder());
                g.writeStringField(c[21], TcpFlagNames.of(r.tcpFlags()));
                g.writeNumberField(c[22], r.fragments());
                g.writeNumberField(c[23], r.icmpErrors());
                g.writeStringField(c[24], r.tunnel());
                g.writeStringField(c[25], r.rolesFrom().label());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        out.flush();
    }

    private static void port(JsonGenerator g, String name, int port) throws IOException {
        if (port < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, port);
        }
    }
}
