package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence of one audit, per address, in the order it was first seen. Bounded so that a live run
 * stays flat in memory: at most {@link #MAX_ADDRESSES} addresses and {@link #MAX_PER_ADDRESS} distinct
 * (role, what) entries each; what does not fit is counted in {@link #dropped()}, never kept. A repeated
 * (role, what) only counts a message more. Single-threaded, as the audit that fills it.
 */
public final class EvidenceTable {
    public static final int MAX_ADDRESSES = 20_000;
    public static final int MAX_PER_ADDRESS = 16;
    /** Most distinct (relation, anchor, subject) links kept; each is about 200 bytes. */
    public static final int MAX_LINKS = 50_000;
    private final Map<IpAddress, Map<String, Entry>> byAddress = new LinkedHashMap<>();
    private final Map<LinkKey, LinkEntry> links = new LinkedHashMap<>();
    private long dropped;

    private record LinkKey(Relation relation, IpAddress anchor, IpAddress subject) {
    }

    private static final class LinkEntry {
        final Where first;
        long messages = 1;

        LinkEntry(Where first) {
            this.first = first;
        }
    }

    /**
     * Evidence that holds if {@code anchor} turns out to be a CUCM node ({@link Relation}); a repeated
     * link only counts a message more, links beyond {@link #MAX_LINKS} are counted in {@link #dropped()}.
     */
    public void link(Relation relation, IpAddress anchor, IpAddress subject, Where where) {
        LinkKey key = new LinkKey(relation, anchor, subject);
        LinkEntry e = links.get(key);
        if (e != null) {
            e.messages++;
        } else if (links.size() < MAX_LINKS) {
            links.put(key, new LinkEntry(where));
        } else {
            dropped++;
        }
    }

    /** A kept link: what {@link RoleDecisions} turns into evidence about {@code subject} once {@code anchor} is a node. */
    public record Linked(Relation relation, IpAddress anchor, IpAddress subject, long messages, Where first) {
    }

    /** The kept links, in the order first seen. */
    public List<Linked> links() {
        List<Linked> out = new ArrayList<>(links.size());
        links.forEach((k, e) -> out.add(new Linked(k.relation(), k.anchor(), k.subject(), e.messages, e.first)));
        return out;
    }

    private static final class Entry {
        final String role;
        final String what;
        final Strength strength;
        final Where first;
        long messages = 1;

        Entry(String role, String what, Strength strength, Where first) {
            this.role = role;
            this.what = what;
            this.strength = strength;
            this.first = first;
        }
    }

    public void add(IpAddress address, String role, String what, Strength strength, Where where) {
        Map<String, Entry> entries = byAddress.get(address);
        if (entries == null) {
            if (byAddress.size() >= MAX_ADDRESSES) {
                dropped++;
                return;
            }
            entries = new LinkedHashMap<>();
            byAddress.put(address, entries);
        }
        String key = role + '\u0000' + what;
        Entry e = entries.get(key);
        if (e != null) {
            e.messages++;
        } else if (entries.size() < MAX_PER_ADDRESS) {
            entries.put(key, new Entry(role, what, strength, where));
        } else {
            dropped++;
        }
    }

    /**
     * A new table with {@code first}'s evidence, then {@code second}'s: the evidence of a run from that
     * of its live periods. Each piece keeps where it was first seen; repeated ones add their messages.
     */
    public static EvidenceTable union(EvidenceTable first, EvidenceTable second) {
        EvidenceTable out = new EvidenceTable();
        for (EvidenceTable t : List.of(first, second)) {
            t.byAddress.forEach((address, entries) -> entries.values().forEach(e -> {
                long before = out.dropped;
                out.add(address, e.role, e.what, e.strength, e.first);
                Entry added = out.byAddress.containsKey(address) ? out.byAddress.get(address).get(e.role + '\u0000' + e.what) : null;
                if (added != null && out.dropped == before) {
                    added.messages += e.messages - 1;
                }
            }));
            t.links.forEach((k, e) -> {
                LinkEntry kept = out.links.get(k);
                if (kept != null) {
                    kept.messages += e.messages;
                } else if (out.links.size() < MAX_LINKS) {
                    LinkEntry copy = new LinkEntry(e.first);
                    copy.messages = e.messages;
                    out.links.put(k, copy);
                } else {
                    out.dropped++;
                }
            });
            out.dropped += t.dropped;
        }
        return out;
    }

    /** Addresses with evidence, in the order each was first seen. */
    public List<IpAddress> addresses() {
        return List.copyOf(byAddress.keySet());
    }

    public List<Evidence> of(IpAddress address) {
        Map<String, Entry> entries = byAddress.get(address);
        if (entries == null) {
            return Collections.emptyList();
        }
        List<Evidence> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(new Evidence(address, e.role, e.what, e.strength, e.messages, e.first));
        }
        return out;
    }

    public boolean isEmpty() {
        return byAddress.isEmpty() && links.isEmpty();
    }

    public int size() {
        return byAddress.size();
    }

    /** Pieces of evidence not kept because a bound was reached. */
    public long dropped() {
        return dropped;
    }
}
