package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Running totals of one unordered host pair: a row of conversations.csv. */
public final class Conversation {
    /** Tree maps' orders (by number: the report sorts by text); a tree map allocates no table. */
    private static final Comparator<Service> BY_NUMBERS = Comparator.comparingInt((Service s) -> s.protocol().number())
            .thenComparingInt(Service::port);
    private static final Comparator<IpProtocol> BY_PROTOCOL_NUMBER = Comparator.comparingInt(IpProtocol::number);
    final IpAddress hostA;
    final IpAddress hostB;
    String roleA;
    String roleB;
    String nameA;
    String nameB;
    long flows;
    long documented;
    long undocumented;
    long portOnly;
    long packets;
    long bytes;
    long documentedBytes;
    long firstSeenNanos = Long.MAX_VALUE;
    long lastSeenNanos = Long.MIN_VALUE;
    /** The first services seen (at most AuditResult's SERVICES_LISTED) -> flows. */
    final Map<Service, Long> services = new TreeMap<>(BY_NUMBERS);
    /** Per protocol, the flows to services beyond the listing cap: lowest port, highest port, flows. */
    final Map<IpProtocol, long[]> overflow = new TreeMap<>(BY_PROTOCOL_NUMBER);

    /** A responder service: protocol and port ({@code -1} for protocols without ports). */
    public record Service(IpProtocol protocol, int port) {
    }

    /** The flows of one protocol to services beyond the listing cap: their lowest and highest port and how many. */
    public record Overflow(long lowestPort, long highestPort, long flows) {
    }

    Conversation(IpAddress hostA, IpAddress hostB) {
        this.hostA = hostA;
        this.hostB = hostB;
    }

    public IpAddress hostA() {
        return hostA;
    }

    public IpAddress hostB() {
        return hostB;
    }

    public String roleA() {
        return roleA;
    }

    public String roleB() {
        return roleB;
    }

    public String nameA() {
        return nameA;
    }

    public String nameB() {
        return nameB;
    }

    public long flows() {
        return flows;
    }

    public long documented() {
        return documented;
    }

    public long undocumented() {
        return undocumented;
    }

    /** Flows of the pair whose port matched a row whose roles could not be checked. */
    public long portOnly() {
        return portOnly;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    public long documentedBytes() {
        return documentedBytes;
    }

    public long firstSeenNanos() {
        return firstSeenNanos;
    }

    public long lastSeenNanos() {
        return lastSeenNanos;
    }

    /** Every flow documented: a port-only flow is not, so its pair is never compliant. */
    public boolean compliant() {
        return undocumented == 0 && portOnly == 0;
    }

    public String status() {
        return compliant() ? "compliant" : "non-compliant";
    }

    /** The responder services used in this pair (the first ones seen), with their flows. */
    public Map<Service, Long> services() {
        return Collections.unmodifiableMap(services);
    }

    /** Per protocol, the flows to services beyond those listed in {@link #services()}. */
    public Map<IpProtocol, Overflow> overflow() {
        Map<IpProtocol, Overflow> out = new HashMap<>();
        overflow.forEach((p, v) -> out.put(p, new Overflow(v[0], v[1], v[2])));
        return out;
    }
}
