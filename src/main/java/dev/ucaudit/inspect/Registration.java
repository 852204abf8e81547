package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.catalog.PortRanges;
import dev.ucaudit.inspect.probe.ContentProbe;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the audit knows of one protocol, in one record (the rest asks {@link ProtocolRegistry}).
 *
 * @param protocol     the catalog's name for it
 * @param transports   the IP protocols it runs over
 * @param defaultPorts its well-known ports (documentation and the partial recorder: they are inspected
 *                     whatever the catalog says)
 * @param tlsPorts     TCP ports on which it runs over TLS: counted, never parsed, and TLS there is the protocol
 * @param recogniser   tells the protocol from the first payloads of a flow
 * @param probe        finds its signalling on ports the catalog does not name for it; null when not probed for
 * @param inspector    makes the inspector that reads its signalling; null when it has none
 * @param keepAlive    payloads it allows between messages, skipped by probing; null when none
 * @param laterPayload a payload past a conversation's first ones that its inspector may read on a port no
 *                     row names (a negotiated channel): a partial audit keeps it whole; null when none
 * @param findingKinds pinhole kinds its inspector opens for traffic its catalog rows do not document (a TFTP
 *                     upload): a flow through one is a finding, not documented by the signalling's row
 * @param notOnPortCounted flows on its port that turn out not to carry it are counted in summary.json
 *                     ({@code not_<token>_on_<token>_port})
 * @param carriesOthersOverTls it is the layer the protocols with {@code tlsPorts} run over there (TLS): seen
 *                     on such a port it is that protocol (SIP over TLS on 5061/tcp); at most one protocol is
 */
public record Registration(AppProtocol protocol, Set<IpProtocol> transports, PortRanges defaultPorts, PortRanges tlsPorts,
                           Recogniser recogniser, ContentProbe probe, Supplier<Inspector> inspector, PayloadTest keepAlive,
                           PayloadTest laterPayload, Set<Channel> findingKinds, boolean notOnPortCounted,
                           boolean carriesOthersOverTls) {
    public Registration {
        transports = Set.copyOf(transports);
        findingKinds = Set.copyOf(findingKinds);
    }

    /** A protocol that is only recognised. */
    public static Registration of(AppProtocol protocol, Set<IpProtocol> transports, String defaultPorts, Recogniser recogniser) {
        return new Registration(protocol, transports, PortRanges.parse(defaultPorts), PortRanges.NONE, recogniser, null, null,
                null, null, Set.of(), false, false);
    }

    public Registration withProbe(ContentProbe p) {
        return new Registration(protocol, transports, defaultPorts, tlsPorts, recogniser, p, inspector, keepAlive, laterPayload,
                findingKinds, notOnPortCounted, carriesOthersOverTls);
    }

    public Registration withInspector(Supplier<Inspector> i) {
        return new Registration(protocol, transports, defaultPorts, tlsPorts, recogniser, probe, i, keepAlive, laterPayload,
                findingKinds, notOnPortCounted, carriesOthersOverTls);
    }

    public Registration withTlsPorts(String ports) {
        return new Registration(protocol, transports, defaultPorts, PortRanges.parse(ports), recogniser, probe, inspector,
                keepAlive, laterPayload, findingKinds, notOnPortCounted, carriesOthersOverTls);
    }

    public Registration withKeepAlive(PayloadTest t) {
        return new Registration(protocol, transports, defaultPorts, tlsPorts, recogniser, probe, inspector, t, laterPayload,
                findingKinds, notOnPortCounted, carriesOthersOverTls);
    }

    public Registration withLaterPayload(PayloadTest t) {
        return new Registration(protocol, transports, defaultPorts, tlsPorts, recogniser, probe, inspector, keepAlive, t,
                findingKinds, notOnPortCounted, carriesOthersOverTls);
    }

    public Registration withFindingKinds(Channel... kinds) {
        return new Registration(protocol, transports, defaultPorts, tlsPorts, recogniser, probe, inspector, keepAlive,
                laterPayload, Set.of(kinds), notOnPortCounted, carriesOthersOverTls);
    }

    public Registration withNotOnPortCounted() {
        return new Registration(protocol, transports, defaultPorts, tlsPorts, recogniser, probe, inspector, keepAlive,
                laterPayload, findingKinds, true, carriesOthersOverTls);
    }

    /** This protocol is the one the others run over on their TLS ports (see {@code carriesOthersOverTls}). */
    public Registration withCarryingOthersOverTls() {
        return new Registration(protocol, transports, defaultPorts, tlsPorts, recogniser, probe, inspector, keepAlive,
                laterPayload, findingKinds, notOnPortCounted, true);
    }

    public boolean runsOver(int ipProtocol) {
        for (IpProtocol p : transports) {
            if (p.number() == ipProtocol) {
                return true;
            }
        }
        return false;
    }

    /** A recogniser that answers as the probe does: detected is yes, invalid no, needs more data cannot tell. */
    public static Recogniser fromProbe(ContentProbe probe) {
        return (dir, buf, off, len) -> switch (probe.probe(buf, off, len)) {
            case DETECTED -> Look.YES;
            case INVALID -> Look.NO;
            case NEEDS_MORE_DATA -> Look.MORE;
        };
    }
}
