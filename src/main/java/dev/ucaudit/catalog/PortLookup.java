package dev.ucaudit.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * O(1) lookup of the catalog rows for (protocol, destination port): a 65,536-entry table for TCP and
 * one for UDP, each entry pointing at an interned {@link CandidateSet}, and a 256-entry table for IP
 * protocols without ports. Built once per catalog by sweeping range boundaries. Only listening ports
 * are indexed: signalling-negotiated ports ({@link CatalogRule#dynamicPorts()}) and duplicate rows
 * are not.
 */
public final class PortLookup {
    private static final int PORTS = 65536;
    /**
     * A stretch of ports with more rows than this gets its set when first looked up (see {@link WideSets}):
     * nested ranges (row i covering i..65535-i) would otherwise make a set per stretch of thousands of rows
     * each, quadratic in the rows (16,000 such rows: 61 s and 1.8 GB).
     */
    static final int EAGER_SET = 256;

    private final CandidateSet[] tcp;
    private final CandidateSet[] udp;
    /** Rows naming sctp explicitly; a port none names falls back to the TCP rows. */
    private final CandidateSet[] sctp;
    private final CandidateSet[] ipProtocols;
    private final WideSets tcpWide;
    private final WideSets udpWide;
    private final WideSets sctpWide;
    private final int distinctSets;

    private PortLookup(Sweep tcp, Sweep udp, Sweep sctp, CandidateSet[] ipProtocols, int distinctSets) {
        this.tcp = tcp.table;
        this.udp = udp.table;
        this.sctp = sctp.table;
        this.tcpWide = tcp.wide;
        this.udpWide = udp.wide;
        this.sctpWide = sctp.wide;
        this.ipProtocols = ipProtocols;
        this.distinctSets = distinctSets + tcp.wide.stretches() + udp.wide.stretches() + sctp.wide.stretches();
    }

    /** One protocol's table (null where a stretch is wide) and its wide stretches. */
    private record Sweep(CandidateSet[] table, WideSets wide) {
    }

    public static PortLookup build(List<CatalogRule> rules) {
        Map<List<CatalogRule>, CandidateSet> interned = new HashMap<>();
        interned.put(List.of(), CandidateSet.EMPTY);
        Sweep tcp = sweep(rules, IpProtocol.TCP.number(), interned);
        Sweep udp = sweep(rules, IpProtocol.UDP.number(), interned);
        Sweep sctp = sweep(rules, IpProtocol.SCTP.number(), interned);
        CandidateSet[] ip = new CandidateSet[256];
        for (int proto = 0; proto < 256; proto++) {
            List<CatalogRule> hits = new ArrayList<>();
            for (CatalogRule r : rules) {
                if (!r.isDuplicate() && r.hasProtocol(proto) && !new IpProtocol(proto).hasPorts()) {
                    hits.add(r);
                }
            }
            ip[proto] = interned.computeIfAbsent(List.copyOf(hits), CandidateSet::new);
        }
        return new PortLookup(tcp, udp, sctp, ip, interned.size());
    }

    /**
     * One pass over the ports: rows enter the active set where one of their ranges starts and leave where
     * it ends, so the cost is the rows' ranges plus, per stretch of ports with the same rows, those rows
     * (not every row for every stretch: a 100,000-row catalog took 30 s that way); a stretch of more than
     * {@link #EAGER_SET} rows is only marked, its set made when first looked up, so the cost stays linear
     * in the rows and their ranges however they nest.
     */
    private static Sweep sweep(List<CatalogRule> rules, int proto, Map<List<CatalogRule>, CandidateSet> interned) {
        List<CatalogRule> relevant = new ArrayList<>();
        Map<Integer, List<Integer>> starts = new HashMap<>();
        Map<Integer, List<Integer>> ends = new HashMap<>();
        TreeSet<Integer> bounds = new TreeSet<>();
        bounds.add(0);
        bounds.add(PORTS);
        for (CatalogRule r : rules) {
            if (r.isDuplicate() || !r.hasProtocol(proto)) {
                continue;
            }
            PortRanges ports = r.listeningPorts();
            int index = relevant.size();
            relevant.add(r);
            for (int i = 0; i < ports.rangeCount(); i++) {
                bounds.add(ports.lo(i));
                bounds.add(ports.hi(i) + 1);
                starts.computeIfAbsent(ports.lo(i), k -> new ArrayList<>()).add(index);
                ends.computeIfAbsent(ports.hi(i) + 1, k -> new ArrayList<>()).add(index);
            }
        }
        CandidateSet[] table = new CandidateSet[PORTS];
        int[] covering = new int[relevant.size()];
        TreeSet<Integer> active = new TreeSet<>(); // indices into relevant: hits keep the catalog's order
        List<int[]> wide = new ArrayList<>();
        Integer start = bounds.first();
        for (Integer end : bounds.tailSet(start, false)) {
            for (int i : ends.getOrDefault(start, List.of())) {
                if (--covering[i] == 0) {
                    active.remove(i);
                }
            }
            for (int i : starts.getOrDefault(start, List.of())) {
                if (covering[i]++ == 0) {
                    active.add(i);
                }
            }
            if (active.size() > EAGER_SET) {
                wide.add(new int[] {start, end}); // table[p] stays null: made when first looked up
                start = end;
                continue;
            }
            List<CatalogRule> hits = new ArrayList<>(active.size());
            for (int i : active) {
                hits.add(relevant.get(i));
            }
            CandidateSet set = interned.computeIfAbsent(List.copyOf(hits), CandidateSet::new);
            for (int p = start; p < end; p++) {
                table[p] = set;
            }
            start = end;
        }
        return new Sweep(table, new WideSets(relevant, wide));
    }

    /**
     * Rows that list this destination port (TCP/UDP; SCTP: rows naming sctp, else the TCP rows) or this
     * IP protocol (others); never null.
     */
    public CandidateSet candidates(int protocol, int port) {
        if (protocol == IpProtocol.TCP.number()) {
            return port >= 0 && port < PORTS ? at(tcp, tcpWide, port) : CandidateSet.EMPTY;
        }
        if (protocol == IpProtocol.UDP.number()) {
            return port >= 0 && port < PORTS ? at(udp, udpWide, port) : CandidateSet.EMPTY;
        }
        if (protocol == IpProtocol.SCTP.number()) {
            // SCTP, a reliable transport like TCP: the guide's TCP rows (SIP 5060/tcp) unless a row names sctp
            if (port < 0 || port >= PORTS) {
                return CandidateSet.EMPTY;
            }
            CandidateSet named = at(sctp, sctpWide, port);
            return named.isEmpty() ? at(tcp, tcpWide, port) : named;
        }
        return protocol >= 0 && protocol < 256 ? ipProtocols[protocol] : CandidateSet.EMPTY;
    }

    private static CandidateSet at(CandidateSet[] table, WideSets wide, int port) {
        CandidateSet set = table[port];
        return set != null ? set : wide.at(port);
    }

    /** How many distinct candidate sets the tables share. */
    public int distinctSets() {
        return distinctSets;
    }
}
