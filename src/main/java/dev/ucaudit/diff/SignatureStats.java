package dev.ucaudit.diff;

import dev.ucaudit.report.FlowRow;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The flows of one report that share a {@link FlowSignature}: how many, how much, and their verdict. */
public record SignatureStats(long flows, long documentedFlows, long portOnlyFlows, long packets, long bytes,
                             String responderRole, String rules, String reason) {
    public static final String DOCUMENTED = "documented";
    public static final String UNDOCUMENTED = "undocumented";
    public static final String PORT_ONLY = "port-only";
    public static final String MIXED = "mixed";

    /** documented when every flow is, port-only when every flow is, undocumented when none is either, else mixed. */
    public String verdict() {
        if (portOnlyFlows == flows) {
            return PORT_ONLY;
        }
        return documentedFlows == flows ? DOCUMENTED : documentedFlows == 0 && portOnlyFlows == 0 ? UNDOCUMENTED : MIXED;
    }

    /** 0 documented, 1 mixed or port-only, 2 undocumented: a higher rank is worse. */
    public int rank() {
        return documentedFlows == flows ? 0 : documentedFlows == 0 && portOnlyFlows < flows ? 2 : 1;
    }

    /** Groups a report's flows by signature, in signature order. */
    public static Map<FlowSignature, SignatureStats> group(Collection<FlowRow> rows) {
        Map<FlowSignature, Acc> acc = new TreeMap<>();
        for (FlowRow r : rows) {
            acc.computeIfAbsent(FlowSignature.of(r), k -> new Acc()).add(r);
        }
        Map<FlowSignature, SignatureStats> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, v.stats()));
        return out;
    }

    private static final class Acc {
        long flows;
        long documented;
        long portOnly;
        long packets;
        long bytes;
        String responderRole = "";
        final TreeSet<String> rules = new TreeSet<>();
        String reason = "";
        String undocumentedReason = "";

        void add(FlowRow r) {
            flows++;
            packets += r.packets();
            bytes += r.bytes();
            responderRole = r.responderRole();
            if (r.documented()) {
                documented++;
                rules.add(r.rule());
            } else if (PORT_ONLY.equals(r.verdict())) {
                portOnly++;
            } else if (undocumentedReason.isEmpty()) {
                undocumentedReason = r.reason();
            }
            if (reason.isEmpty()) {
                reason = r.reason();
            }
        }

        SignatureStats stats() {
            // An undocumented flow's reason matters more than a documented one's.
            String why = undocumentedReason.isEmpty() ? reason : undocumentedReason;
            return new SignatureStats(flows, documented, portOnly, packets, bytes, responderRole, String.join(" ", rules), why);
        }
    }
}
