package dev.ucaudit.audit;

import dev.ucaudit.inventory.IpAddress;
import java.util.TreeMap;

/** Running totals of one unordered host pair: a row of conversations.csv. */
public final class Conversation {
    final IpAddress hostA;
    final IpAddress hostB;
    String roleA;
    String roleB;
    String nameA;
    String nameB;
    long flows;
    long documented;
    long undocumented;
    long packets;
    long bytes;
    long documentedBytes;
    long firstSeenNanos = Long.MAX_VALUE;
    long lastSeenNanos = Long.MIN_VALUE;
    /** "2000/tcp" -> flows. */
    final TreeMap<String, Long> services = new TreeMap<>();
    /** Per protocol, ports beyond the listing cap: min, max, count. */
    final TreeMap<String, long[]> overflow = new TreeMap<>();

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

    public boolean compliant() {
        return undocumented == 0;
    }

    public String status() {
        return compliant() ? "compliant" : "non-compliant";
    }

    /** {@code 2000/tcp 5060/udp udp:16384-32767(12 ports)}: the responder services used in this pair. */
    public String servicesText() {
        StringBuilder sb = new StringBuilder();
        services.keySet().forEach(s -> sb.append(sb.length() > 0 ? " " : "").append(s));
        overflow.forEach((proto, v) -> sb.append(sb.length() > 0 ? " " : "").append(proto).append(':')
                .append(v[0]).append('-').append(v[1]).append('(').append(v[2]).append(" more ports)"));
        return sb.toString();
    }
}
