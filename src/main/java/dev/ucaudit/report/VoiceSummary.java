package dev.ucaudit.report;

import dev.ucaudit.audit.ContentSeen;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * report.html's voice summary: call set-ups and registrations the signalling inspectors counted
 * (summary.json's {@code inspection.per_protocol.*.calls} and {@code registrations}), and of the
 * flows listed, the media a call's signalling opened against the media only a media port range
 * documents (no signalling seen to open it: a call whose signalling was not captured, or traffic
 * that only looks like it belongs there).
 *
 * @param calls          call set-ups seen, counted on each signalling leg (a call through CUCM has two)
 * @param registrations  registrations accepted (SIP 2xx to REGISTER, SCCP RegisterAck, MGCP RSIP answered)
 * @param mediaOfCalls   UDP flows a call's signalling opened (RTP, RTCP, T.38, video)
 * @param mediaByPort    UDP flows on a media row's port range that no signalling opened
 * @param signalling     signalling messages read, all protocols
 * @param flowsListed    false when some flows were not listed (scans, --max-flow-rows): the media counts are of those listed
 */
record VoiceSummary(long calls, long registrations, long mediaOfCalls, long mediaByPort, long signalling, boolean flowsListed) {
    /** The counters the inspectors keep per protocol, read from the inspection statistics the audit gives the report. */
    static VoiceSummary of(Map<String, Object> inspection, List<FlowRecord> flows, Catalog catalog, boolean allListed) {
        long calls = 0;
        long registrations = 0;
        long messages = 0;
        if (inspection.get("per_protocol") instanceof Map<?, ?> perProtocol) {
            for (Object counters : perProtocol.values()) {
                if (counters instanceof Map<?, ?> c) {
                    calls += count(c.get("calls"));
                    registrations += count(c.get("registrations"));
                    messages += count(c.get("messages"));
                }
            }
        }
        long ofCalls = 0;
        long byPort = 0;
        for (FlowRecord f : flows) {
            if (!f.protocol().equals(IpProtocol.UDP) || f.verdict() == Verdict.UNDOCUMENTED) {
                continue;
            }
            Optional<CatalogRule> row = f.rule().isEmpty() ? Optional.empty() : catalog.rule(f.rule());
            if (row.isEmpty()) {
                continue;
            }
            if (f.content() == ContentSeen.NOT_BY_PORT) {
                // cited by a signalling row, on a port that row does not name: the row's signalling opened it
                Optional<AppProtocol> by = row.get().inspect();
                boolean opened = by.isPresent() && by.get() != AppProtocol.TFTP && !row.get().ports().contains(f.responderPort());
                ofCalls += opened ? 1 : 0; // TFTP data is a file, not a call
            } else if (row.get().expected().contains(AppProtocol.RTP)) {
                byPort++;
            }
        }
        return new VoiceSummary(calls, registrations, ofCalls, byPort, messages, allListed);
    }

    private static long count(Object n) {
        return n instanceof Number v ? v.longValue() : 0;
    }
}
