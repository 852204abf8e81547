package dev.ucaudit.engine;

import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.inspect.ProtocolRegistry;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.catalog.PortRanges;

/**
 * The ports on which a partial audit keeps every frame (see {@link PartialRecorder}): those some
 * catalog row naming an inspector is on (looked up as the inspection looks rows up), and the default
 * and TLS ports of every protocol with an inspector. Worked out once per configuration (it takes tens
 * of milliseconds: a live run's one-minute periods for a week are 10,080 recorders), then only read.
 */
final class InspectedPorts {
    private final boolean[] tcp = new boolean[65536];
    private final boolean[] udp = new boolean[65536];

    private InspectedPorts() {
    }

    static InspectedPorts of(AuditConfig config) {
        InspectedPorts p = new InspectedPorts();
        if (!config.settings().inspection()) {
            return p;
        }
        for (CatalogRule r : config.catalog().rules()) {
            if (r.inspect().isEmpty()) {
                continue;
            }
            for (int range = 0; range < r.ports().rangeCount(); range++) {
                for (int port = r.ports().lo(range); port <= r.ports().hi(range); port++) {
                    p.tcp[port] |= namesInspector(config, 6, port);
                    p.udp[port] |= namesInspector(config, 17, port);
                }
            }
        }
        for (Registration g : ProtocolRegistry.standard().all()) {
            if (g.inspector() != null) {
                p.mark(g.defaultPorts().union(g.tlsPorts()));
            }
        }
        return p;
    }

    /** True when either port is one of these (of TCP, or else of UDP). */
    boolean either(boolean tcpPorts, int srcPort, int dstPort) {
        boolean[] ports = tcpPorts ? tcp : udp;
        return ports[srcPort] || ports[dstPort];
    }

    private void mark(PortRanges ports) {
        for (int range = 0; range < ports.rangeCount(); range++) {
            for (int port = ports.lo(range); port <= ports.hi(range); port++) {
                tcp[port] = true;
                udp[port] = true;
            }
        }
    }

    /** True when some catalog row on this port names an inspector (as the inspection looks rows up). */
    private static boolean namesInspector(AuditConfig config, int protocol, int port) {
        for (CatalogRule r : config.catalog().lookup().candidates(protocol, port).rules()) {
            if (!r.inspect().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
