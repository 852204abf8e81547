package dev.ucaudit.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the port catalog: who opens a flow to whom, on which protocol and ports, and why.
 *
 * @param id            stable id a finding cites, e.g. {@code T6-07}
 * @param table         table number in the guide (0 for a site's own rows)
 * @param ports         every port the row names (empty for IP protocols)
 * @param dynamicPorts  the part of {@code ports} reached only as a follow-up negotiated by signalling
 * @param inspect       signalling inspector whose follow-ups cite this row, or empty
 * @param duplicateOf   id of the earlier identical row, or empty
 * @param origin        file and line the row came from, for messages
 * @param source        where the row's reading comes from: {@code guide-ja}, {@code guide-en-14su2} or
 *                      {@code reading: <reason>}; empty when the catalog file has no {@code source} column
 */
public record CatalogRule(String id, int table, String tableTitle, String sourceRole, String destinationRole,
                          List<IpProtocol> protocols, PortRanges ports, PortRanges dynamicPorts, String inspect,
                          String duplicateOf, String purpose, String purposeJa, boolean purposeReconstructed,
                          String notes, String origin, String source) {

    public CatalogRule {
        protocols = List.copyOf(protocols);
    }

    /** Ports a host listens on for this row: the named ports without the signalling-negotiated ones. */
    public PortRanges listeningPorts() {
        return ports.minus(dynamicPorts);
    }

    public boolean isDuplicate() {
        return !duplicateOf.isEmpty();
    }

    public boolean hasProtocol(int number) {
        for (IpProtocol p : protocols) {
            if (p.number() == number) {
                return true;
            }
        }
        return false;
    }

    /** {@code tcp/udp} style label. */
    public String protocolLabel() {
        return protocols.stream().map(IpProtocol::label).collect(Collectors.joining("/"));
    }

    /** Short description for reasons: {@code phone → cucm 2000/tcp}. */
    public String describe() {
        String where = ports.isEmpty() ? protocolLabel() : ports + "/" + protocolLabel();
        return sourceRole + " → " + destinationRole + " " + where;
    }
}
