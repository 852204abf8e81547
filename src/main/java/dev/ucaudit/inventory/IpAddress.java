package dev.ucaudit.inventory;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One IPv4 (4 bytes) or IPv6 (16 bytes) address as a value: equal when the bytes are equal. An
 * IPv4-mapped IPv6 address stays 16 bytes (unlike {@link java.net.InetAddress}, which turns it
 * into an IPv4 address). {@link #text()} is the form reports write ({@link AddressFormat}),
 * made on first use and kept: one address object serves many flows through the inventory's cache.
 */
public final class IpAddress {
    /** The order reports list addresses in: by their text, as they always have ({@code 10.0.0.10} before {@code 10.0.0.2}). */
    public static final Comparator<IpAddress> TEXT_ORDER = Comparator.comparing(IpAddress::text);

    private final byte[] bytes;
    private final int hash;
    /** The text form, made on first use (a racy cache of an immutable value, as String's hash). */
    private String text;

    /** Takes the array as it is: only for arrays nobody else holds. */
    IpAddress(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The address of these bytes (4 or 16), copied. */
    public static IpAddress of(byte[] bytes) {
        return new IpAddress(bytes.clone());
    }

    /** The address of {@code len} (4 or 16) bytes of {@code a} starting at {@code off}, copied. */
    public static IpAddress of(byte[] a, int off, int len) {
        return new IpAddress(Arrays.copyOfRange(a, off, off + len));
    }

    /** Parses an IPv4 or IPv6 address (not a prefix); throws IllegalArgumentException when it is not one. */
    public static IpAddress parse(String text) {
        Prefix p = Prefix.parse(text);
        if (!p.isHost()) {
            throw new IllegalArgumentException("'" + text + "' is a prefix, not an address");
        }
        return new IpAddress(p.address());
    }

    /** The bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isV6() {
        return bytes.length == 16;
    }

    /** True for 255.255.255.255, the limited broadcast: every host of the sender's segment. */
    public boolean isLimitedBroadcast() {
        return bytes.length == 4 && bytes[0] == -1 && bytes[1] == -1 && bytes[2] == -1 && bytes[3] == -1;
    }

    /** True when this address lies inside the prefix (same family, same leading bits). */
    public boolean in(Prefix prefix) {
        return prefix.contains(bytes);
    }

    /** Dotted IPv4 or RFC 5952 IPv6 ({@code 2001:db8::a}), as every report writes it. */
    public String text() {
        String t = text;
        if (t == null) {
            t = AddressFormat.format(bytes, 0, bytes.length);
            text = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && a.hash == hash && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text();
    }
}
