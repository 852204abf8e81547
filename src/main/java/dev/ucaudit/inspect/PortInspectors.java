package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.inventory.Host;
import dev.ucaudit.inventory.Inventory;
import java.util.Optional;

/**
 * Gives a flow the inspector its ports' catalog rows name (the most specific row whose roles fit the
 * hosts), or counts it when it runs over TLS on a protocol's TLS port (SIP on 5061/tcp: never parsed).
 */
final class PortInspectors {
    private final Catalog catalog;
    private final Inventory inventory;
    private final ProtocolRegistry registry;
    private final FlowContexts contexts;
    private final InspectionCounters counters;

    PortInspectors(Catalog catalog, Inventory inventory, ProtocolRegistry registry, FlowContexts contexts,
            InspectionCounters counters) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.registry = registry;
        this.contexts = contexts;
        this.counters = counters;
    }

    void attach(Flow flow, FlowState state) {
        FlowKey k = flow.key();
        CatalogRule rule = signallingRule(k, k.portB(), k.addressA(), k.addressB());
        if (rule == null) {
            rule = signallingRule(k, k.portA(), k.addressB(), k.addressA());
        }
        AppProtocol tls = overTls(k);
        if (tls != null) {
            // a protocol over TLS on its TLS port (SIP on 5061/tcp): counted, never parsed.
            InspectionCounters.add(counters.overTls, tls);
            return;
        }
        if (rule == null && k.protocol() == IpProtocol.UDP.number()) {
            rule = tlsPortOverUdp(k);
        }
        if (rule == null) {
            return;
        }
        Optional<Inspector> inspector = registry.newInspector(rule.inspect().orElseThrow());
        if (inspector.isEmpty()) {
            return;
        }
        state.inspector = inspector.get();
        state.inspectedByPort = rule.inspect().get();
        state.rule = rule.id();
        state.context = contexts.of(flow, state.inspectedByPort.token(), rule.id());
    }

    /** The protocol that runs over TLS on one of this TCP flow's ports (SIP on 5061), or null. */
    AppProtocol overTls(FlowKey k) {
        if (k.protocol() != IpProtocol.TCP.number()) {
            return null;
        }
        Optional<Registration> r = registry.overTlsOn(k.portA()).or(() -> registry.overTlsOn(k.portB()));
        return r.map(Registration::protocol).orElse(null);
    }

    /**
     * A protocol's TLS port used over UDP cannot be TLS (SIP on 5061/udp): read it as the protocol,
     * citing the row of its first default port (5060).
     */
    private CatalogRule tlsPortOverUdp(FlowKey k) {
        for (int side = 0; side < 2; side++) {
            int port = side == 0 ? k.portB() : k.portA();
            Optional<Registration> r = registry.overTlsOn(port);
            if (r.isPresent() && !r.get().defaultPorts().isEmpty() && r.get().runsOver(k.protocol())) {
                boolean bListens = side == 0;
                return signallingRule(k, r.get().defaultPorts().lo(0), bListens ? k.addressA() : k.addressB(),
                        bListens ? k.addressB() : k.addressA());
            }
        }
        return null;
    }

    /** The row naming an inspector for this listening port: the most specific one whose roles fit the hosts. */
    private CatalogRule signallingRule(FlowKey k, int port, byte[] client, byte[] server) {
        CatalogRule first = null;
        CatalogRule best = null;
        int bestScore = -1;
        Host c = inventory.isPresent() ? inventory.lookup(client) : null;
        Host s = inventory.isPresent() ? inventory.lookup(server) : null;
        for (CatalogRule r : catalog.lookup().candidates(k.protocol(), port).rules()) {
            if (r.inspect().isEmpty() || registry.newInspector(r.inspect().get()).isEmpty()) {
                continue;
            }
            if (first == null) {
                first = r;
            }
            if (c != null && c.is(r.sourceRole()) && s.is(r.destinationRole())) {
                int score = catalog.roles().specificity(r.sourceRole()) + catalog.roles().specificity(r.destinationRole());
                if (score > bestScore) {
                    best = r;
                    bestScore = score;
                }
            }
        }
        return best != null ? best : first;
    }
}
