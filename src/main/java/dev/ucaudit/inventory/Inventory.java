package dev.ucaudit.inventory;

import java.util.Arrays;
import dev.ucaudit.catalog.Roles;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses to roles by longest-prefix match, for IPv4 and IPv6. An empty inventory (none given)
 * answers {@code unknown} for every host, and {@link #isPresent()} is false.
 */
public final class Inventory {
    private final List<InventoryEntry> entries;
    private final Roles roles;
    private final String source;
    /** Per prefix length, masked address -> entry; index 0..32 for IPv4, 0..128 for IPv6. */
    private final Map<ByteBuffer, InventoryEntry>[] v4 = newTables(33);
    private final Map<ByteBuffer, InventoryEntry>[] v6 = newTables(129);
    /**
     * Resolved hosts, direct-mapped by a hash of the address: a hit costs a hash and a comparison
     * of at most 16 bytes, with no key object (a Caffeine cache keyed by a copied ByteBuffer cost an
     * array copy, a wrapper and the cache's bookkeeping per look-up, ~5 % of an audit with
     * inspection). A slot holds one immutable entry, so readers on other threads see either the old
     * or the new one, both right; two addresses on one slot just resolve again.
     */
    private final CachedHost[] cache = new CachedHost[CACHE_SLOTS];
    private static final int CACHE_SLOTS = 1 << 16;

    private record CachedHost(byte[] address, Host host) {
    }

    public Inventory(List<InventoryEntry> entries, Roles roles, String source) {
        this.entries = List.copyOf(entries);
        this.roles = roles;
        this.source = source;
        for (InventoryEntry e : entries) {
            byte[] a = e.prefix().address();
            Map<ByteBuffer, InventoryEntry>[] tables = a.length == 4 ? v4 : v6;
            if (tables[e.prefix().length()] == null) {
                tables[e.prefix().length()] = new HashMap<>();
            }
            tables[e.prefix().length()].putIfAbsent(ByteBuffer.wrap(a), e);
        }
    }

    public static Inventory empty(Roles roles) {
        return new Inventory(List.of(), roles, "");
    }

    @SuppressWarnings("unchecked")
    private static Map<ByteBuffer, InventoryEntry>[] newTables(int n) {
        return (Map<ByteBuffer, InventoryEntry>[]) new Map[n];
    }

    public boolean isPresent() {
        return !source.isEmpty();
    }

    public String source() {
        return source;
    }

    public List<InventoryEntry> entries() {
        return entries;
    }

    /** The host for an address (4 or 16 bytes starting at off). */
    public Host lookup(byte[] address, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + address[i];
        }
        h ^= h >>> 16;
        h *= 0x9E3779B1;
        int slot = (h ^ h >>> 15) & (CACHE_SLOTS - 1);
        CachedHost c = cache[slot];
        if (c != null && Arrays.equals(c.address(), 0, c.address().length, address, off, off + len)) {
            return c.host();
        }
        byte[] copy = Arrays.copyOfRange(address, off, off + len);
        Host host = resolve(copy);
        cache[slot] = new CachedHost(copy, host);
        return host;
    }

    public Host lookup(byte[] address) {
        return lookup(address, 0, address.length);
    }

    private Host resolve(byte[] address) {
        IpAddress ip = new IpAddress(address); // address is the cache's own copy
        InventoryEntry hit = longestMatch(address);
        if (hit == null && address.length == 16 && isV4Mapped(address)) {
            hit = longestMatch(Arrays.copyOfRange(address, 12, 16));
        }
        if (hit == null) {
            return new Host(ip, Roles.UNKNOWN, roles.closureOf(Roles.UNKNOWN), "", "");
        }
        return new Host(ip, hit.role(), roles.closureOf(hit.role()), hit.name(), hit.prefix().toString());
    }

    private InventoryEntry longestMatch(byte[] address) {
        Map<ByteBuffer, InventoryEntry>[] tables = address.length == 4 ? v4 : v6;
        byte[] masked = address.clone();
        for (int len = tables.length - 1; len >= 0; len--) {
            if (len < masked.length * 8) {
                masked[len / 8] &= (byte) ~(0x80 >> (len % 8));
            }
            Map<ByteBuffer, InventoryEntry> t = tables[len];
            if (t != null) {
                InventoryEntry e = t.get(ByteBuffer.wrap(masked));
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    /** Entries whose role is (or is a kind of) {@code role}: the destinations of a catalog row. */
    public List<InventoryEntry> entriesWithRole(String role) {
        List<InventoryEntry> out = new ArrayList<>();
        for (InventoryEntry e : entries) {
            if (roles.closureOf(e.role()).contains(role)) {
                out.add(e);
            }
        }
        return out;
    }
}
