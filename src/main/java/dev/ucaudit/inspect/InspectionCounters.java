package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.stream.BufferBudget;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link SignallingInspection} counts in a run, and its part of summary.json ({@link #toMap}):
 * per-protocol messages, pinholes, TCP reassembly, probing, the content check and UDP fragments.
 */
final class InspectionCounters {
    final InspectorStats perProtocol = new InspectorStats();
    final Map<String, Long> foundByContent = new TreeMap<>();
    final Map<AppProtocol, Long> ruledOut = new EnumMap<>(AppProtocol.class);
    /** Flows of a protocol on its TLS port (SIP on 5061/tcp): counted, never parsed. */
    final Map<AppProtocol, Long> overTls = new EnumMap<>(AppProtocol.class);
    /** Flows on a protocol's port that turned out not to carry it. */
    final Map<AppProtocol, Long> notOnPort = new EnumMap<>(AppProtocol.class);
    long flowsChecked;
    long negotiatedFlows;
    long flowsProbed;
    long mediaOfProbedSignalling;
    /** Probed payloads every probe rejected (the flow's next payloads are still probed, within the budget). */
    long probesRejected;
    /** Payloads an inspector needed that a replayed partial audit did not keep (0 unless a merge missed some). */
    long payloadsMissing;

    static void add(Map<AppProtocol, Long> counts, AppProtocol p) {
        counts.merge(p, 1L, Long::sum);
    }

    /** The summary.json object, its keys in their written order. */
    Map<String, Object> toMap(ProtocolRegistry registry, ExpectationTable table, BufferBudget buffers,
            FragmentReassembler reassembler, boolean probing) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("per_protocol", perProtocol.toMap());
        Map<String, Object> pinholes = new LinkedHashMap<>();
        pinholes.put("opened", table.added());
        pinholes.put("flows_documented_by_signalling", negotiatedFlows);
        pinholes.put("expired", table.expired());
        pinholes.put("evicted", table.evicted());
        pinholes.put("held", table.size());
        pinholes.put("bytes_held", table.bytesHeld());
        pinholes.put("max_entries", table.maxEntries());
        pinholes.put("max_bytes", table.maxBytes());
        m.put("pinholes", pinholes);
        Map<String, Object> tcp = new LinkedHashMap<>();
        tcp.put("bytes_held", buffers.heldBytes());
        tcp.put("peak_bytes", buffers.peakBytes());
        tcp.put("max_bytes", buffers.maxBytes());
        tcp.put("buffers_dropped", buffers.evictions());
        m.put("tcp_reassembly", tcp);
        m.put(FlowInspection.BOUNDS_HIT, boundsHit(table, buffers));
        for (AppProtocol p : registry.overTls()) {
            m.put(p.token() + "_tls_flows_counted_not_inspected", overTls.getOrDefault(p, 0L));
        }
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("enabled", probing);
        probe.put("flows_probed", flowsProbed);
        probe.put("signalling_found_on_undocumented_ports", new LinkedHashMap<>(foundByContent));
        probe.put("flows_tied_to_signalling_found_by_content", mediaOfProbedSignalling);
        for (AppProtocol p : registry.notOnPortCounted()) {
            probe.put("not_" + p.token() + "_on_" + p.token() + "_port", notOnPort.getOrDefault(p, 0L));
        }
        probe.put("payloads_rejected_by_every_probe", probesRejected);
        m.put("probing", probe);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("flows_checked", flowsChecked);
        Map<String, Long> out = new TreeMap<>();
        ruledOut.forEach((p, n) -> out.put(p.token(), n));
        content.put("inspectors_let_go", out);
        m.put("content_check", content);
        Map<String, Object> frag = new LinkedHashMap<>();
        frag.put("reassembled", reassembler.completed());
        frag.put("dropped", reassembler.dropped());
        m.put("udp_fragments_for_inspection", frag);
        return m;
    }

    /**
     * One line per inspection bound that was reached in this run (empty when none): what was
     * dropped, how often, and the bound. Printed on stderr and kept in summary.json.
     */
    private List<String> boundsHit(ExpectationTable table, BufferBudget buffers) {
        List<String> hit = new ArrayList<>();
        if (table.evicted() > 0) {
            hit.add(String.format(Locale.ROOT, "%,d pinholes evicted before they expired: the pinhole table is bounded to %,d entries and %,d MiB;"
                    + " media of those calls may be reported undocumented", table.evicted(), table.maxEntries(), table.maxBytes() >> 20));
        }
        if (buffers.evictions() > 0) {
            hit.add(String.format(Locale.ROOT, "%,d TCP reassembly buffers dropped to stay within %,d MiB for all signalling flows;"
                    + " messages in them were not read", buffers.evictions(), buffers.maxBytes() >> 20));
        }
        if (payloadsMissing > 0) {
            hit.add(String.format(Locale.ROOT, "%,d signalling payloads were not kept in the partial audits merged here;"
                    + " calls in them may be missed (see docs/engine.md, merges)", payloadsMissing));
        }
        return hit;
    }
}
