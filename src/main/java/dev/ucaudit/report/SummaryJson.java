package dev.ucaudit.report;

import dev.ucaudit.audit.Classifier;
import dev.ucaudit.audit.ScanDetector;
import dev.ucaudit.inventory.Inventory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import dev.ucaudit.audit.ContentSeen;
import dev.ucaudit.audit.TunnelStats;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Conversation;
import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.roles.RoleCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** summary.json: the run in numbers. Keys are stable; scripts read them. */
public final class SummaryJson {
    /** The report folder's layout version; 'diff' and 'export' read only this one (older reports have no key: 1). */
    public static final int FORMAT = 1;

    private SummaryJson() {
    }

    public static Map<String, Object> build(AuditReport r) {
        RunCounts s = r.stats();
        AuditResult res = r.result();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(SummaryKeys.TOOL, SummaryKeys.TOOL_NAME);
        root.put(SummaryKeys.REPORT_FORMAT, FORMAT);
        root.put("mode", r.mode());
        root.put("generated_at", Times.iso(r.generatedAtMillis() * 1_000_000L));
        List<String> incomplete = Completeness.reasons(r);
        root.put(SummaryKeys.COMPLETE, incomplete.isEmpty());
        root.put(SummaryKeys.INCOMPLETE_REASONS, incomplete);
        List<Map<String, Object>> inputs = new ArrayList<>();
        List<RunCounts.Input> all = s.inputs();
        for (RunCounts.Input in : all.subList(0, Math.min(all.size(), Completeness.INPUTS_LISTED))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", in.name());
            m.put("packets", in.packets());
            m.put("problems", in.problems());
            m.put("read_completely", in.readCompletely());
            m.put("error", in.error());
            m.put("notes", in.notes());
            inputs.add(m);
        }
        root.put("inputs", inputs);
        if (all.size() > Completeness.INPUTS_LISTED) {
            root.put("inputs_total", all.size());
            root.put("inputs_not_listed", all.size() - Completeness.INPUTS_LISTED);
        }

        Map<String, Object> packets = new LinkedHashMap<>();
        packets.put("read", s.packets());
        packets.put("bytes", s.bytes());
        packets.put("ip", s.ipPackets());
        packets.put("non_ip", s.nonIpPackets());
        packets.put("ip_fragments", s.fragments());
        packets.put("not_decodable", s.undecodableTotal());
        packets.put("not_decodable_by_reason", s.undecodable());
        Map<String, Long> links = new LinkedHashMap<>();
        s.unknownLinkTypes().forEach((k, v) -> links.put(Integer.toString(k), v));
        packets.put("unknown_link_types", links);
        root.put("packets", packets);
        root.put("tunnels", tunnels(s.tunnels(), r.inventory()));

        Map<String, Object> problems = new LinkedHashMap<>();
        problems.put("total", s.problemsTotal());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (CaptureProblem p : s.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", p.source());
            m.put("packet", p.packetNumber());
            m.put("kind", p.kind().text());
            m.put("message", p.message());
            m.put("fatal", p.fatal());
            listed.add(m);
        }
        problems.put("listed", listed);
        root.put("problems", problems);

        Map<String, Object> window = new LinkedHashMap<>();
        window.put("first", Times.iso(s.firstNanos()));
        window.put(SummaryKeys.LAST, Times.iso(s.lastNanos()));
        window.put("seconds", s.packets() == 0 ? 0.0 : (s.lastNanos() - s.firstNanos()) / 1e9);
        root.put(SummaryKeys.TIME_WINDOW, window);

        Map<String, Object> flows = new LinkedHashMap<>();
        flows.put("total", res.flows());
        flows.put("documented", res.documented());
        flows.put("undocumented", res.undocumented());
        flows.put("port_only", res.portOnly());
        flows.put("documented_by_port_alone", res.flows(ContentSeen.PORT_ALONE));
        flows.put("documented_content_confirmed", res.flows(ContentSeen.CONFIRMED));
        flows.put("not_the_ports_protocol", res.flows(ContentSeen.CONTRADICTED));
        long scanSummarized = res.scanFlowsSummarized();
        flows.put("rows_written", res.flows() - res.flowsNotListed() - scanSummarized);
        flows.put(SummaryKeys.ROWS_NOT_WRITTEN, res.flowsNotListed());
        flows.put("scan_flows_summarized", scanSummarized);
        flows.put("undocumented_rows_not_written", res.undocumentedNotListed());
        flows.put("max_flow_rows", res.maxFlowRows());
        flows.put("evicted_idle", r.flowsEvictedIdle());
        flows.put("evicted_size", r.flowsEvictedSize());
        root.put(SummaryKeys.FLOWS, flows);

        List<Map<String, Object>> scans = new ArrayList<>();
        for (ScanDetector.Entry e : res.scans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("initiator", e.initiator().text());
            m.put("protocol", e.protocol().label());
            m.put("responder", e.singleResponder() == null ? null : e.singleResponder().text());
            m.put("responders", e.distinctHosts());
            m.put("responder_ports", e.distinctPorts());
            m.put("flows", e.probes());
            m.put("undocumented", e.undocumented());
            m.put("packets", e.packets());
            m.put("packets_per_flow_min", e.minPackets());
            m.put("packets_per_flow_max", e.maxPackets());
            m.put("first_seen", Times.iso(e.firstSeenNanos()));
            m.put("last_seen", Times.iso(e.lastSeenNanos()));
            m.put("summary", e.describe());
            scans.add(m);
        }
        Map<String, Object> scanSection = new LinkedHashMap<>();
        scanSection.put(SummaryKeys.LISTED, scans);
        scanSection.put("flows_summarized", scanSummarized);
        scanSection.put("note", scans.isEmpty() ? "no scan recognized"
                : res.listScanFlows() ? "scan probes are listed in flows.csv (--list-scan-flows)"
                : "the probes of these scans are counted in flows, verdicts and conversations but not written to flows.csv;"
                  + " --list-scan-flows lists them (up to --max-flow-rows)");
        scanSection.put("initiators_not_tracked", res.scanInitiatorsNotTracked());
        root.put(SummaryKeys.SCANS, scanSection);

        Map<String, Object> verdicts = new LinkedHashMap<>();
        verdicts.put("documented", res.documented());
        verdicts.put("undocumented", res.undocumented());
        verdicts.put("port-only", res.portOnly());
        root.put("verdicts", verdicts);

        long compliant = res.conversationsUnordered().stream().filter(Conversation::compliant).count();
        Map<String, Object> conv = new LinkedHashMap<>();
        conv.put("total", (long) res.conversationsUnordered().size());
        conv.put("compliant", compliant);
        conv.put("non_compliant", res.conversationsUnordered().size() - compliant);
        conv.put("max_conversations", res.maxConversations());
        conv.put("pairs_not_listed", res.pairsNotListed());
        conv.put("flows_of_pairs_not_listed", res.flowsOfUnlistedPairs());
        conv.put("undocumented_flows_of_pairs_not_listed", res.undocumentedFlowsOfUnlistedPairs());
        root.put("conversations", conv);
        root.put("unused_openings", r.unused().size());

        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("sources", r.catalog().sources());
        catalog.put("rules", r.catalog().rules().size());
        catalog.put("problems", problems(r.catalogProblems()));
        root.put("catalog", catalog);

        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put("source", r.inventory().isPresent() ? r.inventory().source() : null);
        inv.put("entries", r.inventory().entries().size());
        inv.put("classification", r.inventory().isPresent() ? "by port and role"
                : res.flowsWithLearnedRoles() > 0 ? "by port and learned role: no inventory given, so the roles hosts showed"
                        + " by their own strong evidence classify their flows (roles_from says which); every other host's role"
                        + " is unknown and a row that needs it matches on its port only"
                : "by port only: no inventory given, so host roles are unknown and every row matches on its port");
        inv.put("problems", problems(r.inventoryProblems()));
        root.put("inventory", inv);
        RoleCheck.Result roles = RolesSection.of(r); // learned roles (issue 21)
        root.put(SummaryKeys.ROLES_OBSERVED, RolesSection.observedJson(roles, r.inventory().isPresent()));
        root.put("roles", RolesSection.countsJson(roles, r.inventory().isPresent(), res));
        root.put(SummaryKeys.INSPECTION, r.inspection());
        if (!r.capture().isEmpty()) {
            root.put(SummaryKeys.CAPTURE, r.capture());
        }
        root.put("fail_on", r.failOn());
        root.put("exit_status", r.exitStatus());
        return root;
    }

    /**
     * Each tunnel once: its frames, and whether its outer conversation is audited as a flow (GRE, IP in
     * IP, VXLAN: a row of flows.csv) or is capture transport (ERSPAN, or an end the inventory names
     * {@code monitor}: no row). Its inner packets are counted in their own flows.
     */
    private static Map<String, Object> tunnels(RunCounts.Tunnels t, Inventory inventory) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packets", t.packets());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (TunnelStats.Tunnel x : t.tunnels()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("endpoint_a", x.endpointA());
            row.put("endpoint_b", x.endpointB());
            row.put("type", x.type());
            row.put("outer_conversation", x.type().startsWith("erspan") || monitor(inventory, x.endpointA())
                    || monitor(inventory, x.endpointB()) ? "capture transport" : "flow");
            row.put("packets", x.packets());
            row.put("bytes", x.bytes());
            row.put("first_seen", Times.iso(x.firstSeenNanos()));
            row.put("last_seen", Times.iso(x.lastSeenNanos()));
            listed.add(row);
        }
        m.put("listed", listed);
        m.put("packets_of_tunnels_not_listed", t.packetsOfUnlisted());
        return m;
    }

    private static boolean monitor(Inventory inventory, String address) {
        try {
            return inventory.lookup(InetAddress.getByName(address).getAddress()).is(Classifier.MONITOR);
        } catch (UnknownHostException e) {
            return false; // an address this report wrote: never happens
        }
    }

    private static List<String> problems(List<CatalogProblem> list) {
        return list.stream().map(CatalogProblem::describe).toList();
    }

    public static void write(Path file, AuditReport r) throws IOException {
        write(file, r, Map.of());
    }

    /** Writes summary.json with further sections (policy, unused_history) placed before "fail_on". */
    public static void write(Path file, AuditReport r, Map<String, Object> sections) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> root = build(r);
        Object failOn = root.remove("fail_on");
        Object exitStatus = root.remove("exit_status");
        root.putAll(sections);
        root.put("fail_on", failOn);
        root.put("exit_status", exitStatus);
        String json = mapper.writeValueAsString(root);
        AtomicFile.write(file, w -> w.write(json + "\n"));
    }
}
