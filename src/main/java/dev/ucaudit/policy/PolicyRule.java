package dev.ucaudit.policy;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.catalog.PortRanges;
import java.util.List;

/**
 * One row of an allowed-flows file: flows from {@code source} to {@code destination} with one of
 * {@code protocols} (empty = any) to a responder port in {@code ports} (empty = any port) are allowed.
 * {@code origin} is {@code file:line}, which reports cite.
 */
public record PolicyRule(String origin, PolicyEndpoint source, PolicyEndpoint destination, List<IpProtocol> protocols,
                         PortRanges ports, String comment) {

    public boolean protocolMatches(String protocolLabel) {
        if (protocols.isEmpty()) {
            return true;
        }
        for (IpProtocol p : protocols) {
            if (p.label().equals(protocolLabel)) {
                return true;
            }
        }
        return false;
    }

    public boolean portMatches(int port) {
        return ports.isEmpty() || (port >= 0 && ports.contains(port));
    }

    public String protocolText() {
        return protocols.isEmpty() ? "any" : String.join("/", protocols.stream().map(IpProtocol::label).toList());
    }

    /** {@code phone → cucm tcp 2000}. */
    public String describe() {
        return source.text() + " → " + destination.text() + " " + protocolText() + (ports.isEmpty() ? "" : " " + ports);
    }
}
