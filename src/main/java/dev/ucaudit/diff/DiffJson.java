package dev.ucaudit.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ucaudit diff --format json}: the summary and every row of diff.csv as one JSON object, for jq and
 * monitoring (counts and flows as numbers; -1 in diff.csv, "not applicable", is null here).
 */
public final class DiffJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffJson() {
    }

    public static String of(ReportDiff.Result r, DiffPages.Context c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("baseline", c.baseline().isEmpty() ? null : c.baseline());
        root.put("baseline_flows", c.baseline().isEmpty() ? null : c.baselineFlows());
        root.put("current", c.current());
        root.put("current_flows", c.currentFlows());
        root.put("allowed_flows_file", c.policy().isEmpty() ? null : c.policy());
        root.put("exit_status", c.exitStatus());
        ArrayNode failOn = root.putArray("fail_on");
        c.failOn().forEach(failOn::add);
        ArrayNode failed = root.putArray("failed_on");
        c.failedOn().forEach(failed::add);
        ObjectNode counts = root.putObject("counts");
        ReportDiff.countsByLabel(r).forEach(counts::put);
        ArrayNode rows = root.putArray("rows");
        for (DiffRow d : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("change", d.change().label());
            o.put("initiator", d.initiator());
            o.put("initiator_role", d.initiatorRole());
            o.put("responder", d.responder());
            o.put("responder_role", d.responderRole());
            o.put("protocol", d.protocol());
            o.put("responder_port", d.port());
            o.put("verdict_before", d.verdictBefore());
            o.put("verdict_after", d.verdictAfter());
            number(o, "flows_before", d.flowsBefore());
            number(o, "flows_after", d.flowsAfter());
            number(o, "packets_before", d.packetsBefore());
            number(o, "packets_after", d.packetsAfter());
            number(o, "bytes_before", d.bytesBefore());
            number(o, "bytes_after", d.bytesAfter());
            o.put("rule", d.rule());
            o.put("reason", d.reason());
            number(o, "unused_for_days", d.unusedForDays());
        }
        return root.toString();
    }

    private static void number(ObjectNode o, String name, long value) {
        if (value < 0) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }
}
