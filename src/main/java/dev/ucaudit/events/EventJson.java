package dev.ucaudit.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ucaudit.audit.FindingListener;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.report.Times;
import dev.ucaudit.run.live.DropWatch;
import java.io.UncheckedIOException;

/**
 * One live event as a JSON object on one line: {@code time} (capture time, UTC), {@code event}
 * ({@value #FLOW}, {@value #SCAN}, {@value #DROPS}) and its fields. Written by Jackson, in ASCII
 * (anything else from the wire as {@code \\uXXXX}), so a line is safe in a file, a terminal and a syslog message.
 */
public final class EventJson {
    public static final String FLOW = "undocumented-flow";
    public static final String SCAN = "scan";
    public static final String DROPS = "drop-burst";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    private EventJson() {
    }

    public static ObjectNode flow(FlowRecord r) {
        ObjectNode o = head(FLOW, r.firstSeenNanos());
        o.put("initiator", r.initiator().text());
        o.put("initiator_port", r.initiatorPort());
        o.put("responder", r.responder().text());
        o.put("responder_port", r.responderPort());
        o.put("protocol", r.protocol().label());
        o.put("initiator_role", r.initiatorRole());
        o.put("responder_role", r.responderRole());
        o.put("initiator_name", r.initiatorName());
        o.put("responder_name", r.responderName());
        o.put("reason", r.reason());
        o.put("packets", r.packets());
        o.put("bytes", r.bytes());
        o.put("tunnel", r.tunnel());
        return o;
    }

    public static ObjectNode scan(FindingListener.Scan s) {
        ObjectNode o = head(SCAN, s.lastSeenNanos());
        o.put("initiator", s.initiator().text());
        o.put("protocol", s.protocol().label());
        o.put("first_seen", Times.iso(s.firstSeenNanos()));
        o.put("probes", s.probes());
        o.put("description", s.description());
        return o;
    }

    public static ObjectNode drops(DropWatch.Burst b, long atNanos) {
        ObjectNode o = head(DROPS, atNanos);
        o.put("dropped_by_kernel", b.kernel());
        o.put("dropped_by_interface", b.byInterface());
        o.put("dropped_by_ucaudit", b.byUcaudit());
        return o;
    }

    private static ObjectNode head(String event, long atNanos) {
        ObjectNode o = JSON.createObjectNode();
        o.put("time", Times.iso(atNanos));
        o.put("event", event);
        return o;
    }

    /** The object on one line, ASCII only. */
    public static String line(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
