package dev.ucaudit.catalog;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of the port catalog: who opens a flow to whom, on which protocol and ports, and why.
 *
 * @param id            stable id a finding cites, e.g. {@code T6-07}
 * @param table         table number in the guide (0 for a site's own rows)
 * @param ports         every port the row names (empty for IP protocols)
 * @param dynamicPorts  the part of {@code ports} reached only as a follow-up negotiated by signalling
 * @param inspect       signalling inspector whose follow-ups cite this row, if any
 * @param duplicateOf   id of the earlier identical row, or empty
 * @param origin        file and line the row came from, for messages
 * @param source        where the row's reading comes from: {@code guide-ja}, {@code guide-en-14su2} or
 *                      {@code reading: <reason>}; empty when the catalog file has no {@code source} column
 * @param expects       what the row's port carries on the wire (any of them, in the order written); empty when the guide leaves it open
 * @param expectsSource where {@code expects} comes from, as {@code source}; empty when {@code expects} is
 */
public record CatalogRule(String id, int table, String tableTitle, String sourceRole, String destinationRole,
                          List<IpProtocol> protocols, PortRanges ports, PortRanges dynamicPorts, Optional<AppProtocol> inspect,
                          String duplicateOf, String purpose, String purposeJa, boolean purposeReconstructed,
                          String notes, String origin, String source,
                          Set<AppProtocol> expects, String expectsSource) {

    public CatalogRule {
        protocols = List.copyOf(protocols);
        expects = expects.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(expects));
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

    /**
     * What a flow this row documents must carry (any of them): the {@code expects} cell, or, where it is
     * empty, the protocol of the row's inspector (a row read by the SIP inspector carries SIP).
     */
    public Set<AppProtocol> expected() {
        return !expects.isEmpty() || inspect.isEmpty() ? expects : Set.of(inspect.get());
    }

    /** The {@code expects} cell as written: {@code sip;tls}, or empty. */
    public String expectsText() {
        return expects.stream().map(AppProtocol::token).collect(Collectors.joining(";"));
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
