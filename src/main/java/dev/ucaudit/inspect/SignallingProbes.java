package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.Side;
import dev.ucaudit.inspect.probe.ContentProbe;
import dev.ucaudit.packet.RawPacket;
import java.util.Optional;

/**
 * Probes a flow without an inspector (as Zeek's DPD and Suricata's probing parsers do): when a
 * probe recognises its protocol the flow gets that inspector, and the finding says which port.
 * Keep-alives (CR/LF or STUN: SIP's RFC 5626 pings) before the first message do not use up the probes.
 */
final class SignallingProbes {
    /** Payloads of a flow without an inspector that are probed for signalling. */
    static final int PROBED_PAYLOADS = ProtocolRegistry.PROBED_PAYLOADS;
    /** Keep-alives skipped before a flow's probing is given up. */
    private static final int PROBED_KEEPALIVES = ProtocolRegistry.SKIPPED_KEEPALIVES;

    /** The tag of pinholes opened by signalling found by content: no catalog row, a finding instead. */
    record ProbedSignalling(String finding) {
    }

    private final ProtocolRegistry registry;
    private final FlowContexts contexts;
    private final InspectionCounters counters;

    SignallingProbes(ProtocolRegistry registry, FlowContexts contexts, InspectionCounters counters) {
        this.registry = registry;
        this.contexts = contexts;
        this.counters = counters;
    }

    void probe(Flow flow, FlowState state, DecodedPacket d, RawPacket raw) {
        if (d.payloadAbsent) {
            // a partial audit keeps the first payloads of every conversation: one probed but not kept is counted
            counters.payloadsMissing++;
            return;
        }
        int[] m = PayloadFeed.firstMessage(d, raw);
        if (m == null) {
            return;
        }
        if (registry.keepAlive(d.protocol, raw.data, m[0], m[1])) {
            if (++state.keepAlivesSkipped >= PROBED_KEEPALIVES) {
                state.probesLeft = 0;
            }
            return;
        }
        if (state.probesLeft == PROBED_PAYLOADS) {
            counters.flowsProbed++;
        }
        state.probesLeft--;
        boolean morePossible = false; // some probe needs more data
        for (ContentProbe p : registry.probes()) {
            if (!p.runsOver(d.protocol)) {
                continue;
            }
            switch (p.probe(raw.data, m[0], m[1])) {
                case DETECTED -> {
                    found(flow, state, p);
                    return;
                }
                case NEEDS_MORE_DATA -> morePossible = true;
                default -> {
                }
            }
        }
        if (!morePossible) {
            // every probe said no to this payload: one bad payload does not condemn the flow, the next is tried
            counters.probesRejected++;
        }
    }

    private void found(Flow flow, FlowState state, ContentProbe p) {
        FlowKey k = flow.key();
        int port = flow.firstSender() == Side.A ? k.portB() : k.portA();
        String name = p.protocol().displayName();
        String finding = name + " found on " + port + "/" + IpProtocol.label(k.protocol())
                + ", a port the catalog does not document for " + name;
        Optional<Inspector> inspector = registry.newInspector(p.protocol());
        if (inspector.isEmpty()) {
            return;
        }
        state.probesLeft = 0;
        state.inspector = inspector.get();
        state.rule = "";
        state.context = contexts.of(flow, p.protocol().token(), new ProbedSignalling(finding));
        state.negotiation = new Negotiation("", finding + " (recognised by content; its media are tied to it)",
                Negotiation.Effect.NOTE);
        counters.foundByContent.merge(p.protocol().token(), 1L, Long::sum);
    }
}
