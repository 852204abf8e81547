package dev.ucaudit.cli;

import dev.ucaudit.engine.RecordedOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * What {@code merge} runs with: the options its partials were recorded with, unless the command line
 * gives them; given options that would change which bytes the partials kept (or a catalog other than
 * theirs, or no inventory where they had one) are refused.
 */
final class MergeOptions {
    private MergeOptions() {
    }

    /**
     * Sets every option the command line did not give to its recorded value.
     *
     * @return the options taken so, as "--idle-timeout 60, --no-inspection" (empty when none differed from the defaults)
     */
    static String takeRecorded(ParseResult given, AuditOptions o, RecordedOptions recorded) {
        List<String> taken = new ArrayList<>();
        if (!given.hasMatchedOption("--no-inspection") && recorded.get(RecordedOptions.INSPECTION).equals("off") != o.noInspection) {
            o.noInspection = recorded.get(RecordedOptions.INSPECTION).equals("off");
            taken.add(o.noInspection ? "--no-inspection" : "inspection on");
        }
        if (!given.hasMatchedOption("--no-probing") && recorded.get(RecordedOptions.PROBING).equals("off") != o.noProbing) {
            o.noProbing = recorded.get(RecordedOptions.PROBING).equals("off");
            taken.add(o.noProbing ? "--no-probing" : "probing on");
        }
        String decap = recorded.get(RecordedOptions.DECAPSULATION);
        if (!given.hasMatchedOption("--decapsulate") && !decap.isEmpty() && !decap.equals(o.decapsulate)) {
            o.decapsulate = decap;
            taken.add("--decapsulate " + decap);
        }
        String vxlan = recorded.get(RecordedOptions.VXLAN_PORTS);
        if (!given.hasMatchedOption("--vxlan-port") && !vxlan.isEmpty()) {
            o.vxlanPorts = new ArrayList<>(Arrays.stream(vxlan.split(",")).map(Integer::valueOf).toList());
        }
        String idle = recorded.get(RecordedOptions.IDLE_TIMEOUT);
        if (!given.hasMatchedOption("--idle-timeout") && !idle.isEmpty()) {
            Duration d = RecordedOptions.duration(idle);
            if (d.toSeconds() != o.idleTimeoutSeconds) {
                o.idleTimeoutSeconds = d.toSeconds();
                taken.add("--idle-timeout " + d.toSeconds());
            }
        }
        if (!given.hasMatchedOption("--max-flows") && !recorded.get(RecordedOptions.MAX_FLOWS).isEmpty()) {
            long v = Long.parseLong(recorded.get(RecordedOptions.MAX_FLOWS));
            if (v != o.maxFlows) {
                o.maxFlows = v;
                taken.add("--max-flows " + v);
            }
        }
        if (!given.hasMatchedOption("--max-flow-rows") && !recorded.get(RecordedOptions.MAX_FLOW_ROWS).isEmpty()) {
            int v = Integer.parseInt(recorded.get(RecordedOptions.MAX_FLOW_ROWS));
            if (v != o.maxFlowRows) {
                o.maxFlowRows = v;
                taken.add("--max-flow-rows " + v);
            }
        }
        if (!given.hasMatchedOption("--max-conversations") && !recorded.get(RecordedOptions.MAX_CONVERSATIONS).isEmpty()) {
            int v = Integer.parseInt(recorded.get(RecordedOptions.MAX_CONVERSATIONS));
            if (v != o.maxConversations) {
                o.maxConversations = v;
                taken.add("--max-conversations " + v);
            }
        }
        if (!given.hasMatchedOption("--list-scan-flows") && recorded.get(RecordedOptions.LIST_SCAN_FLOWS).equals("on") != o.listScanFlows) {
            o.listScanFlows = recorded.get(RecordedOptions.LIST_SCAN_FLOWS).equals("on");
            taken.add(o.listScanFlows ? "--list-scan-flows" : "scan flows summarized");
        }
        return String.join(", ", taken);
    }

    /**
     * Why the merge cannot give one audit's report with the options it runs with ({@code used}), or null:
     * an option that decided which bytes the partials kept differs, or they were recorded with an
     * inventory and the merge has none.
     */
    static String refusal(RecordedOptions recorded, RecordedOptions used, Path first) {
        return recorded.cannotJoin(used, first.toString(), "this merge")
                .map(d -> d.contains("--inventory") ? d.replace("give the same --inventory", "give merge the same --inventory")
                        : d + ": the partials kept the bytes those options decide, so the merge must use them")
                .orElse(null);
    }
}
