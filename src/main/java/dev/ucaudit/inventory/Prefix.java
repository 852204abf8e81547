package dev.ucaudit.inventory;

import java.util.Arrays;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 prefix: address bytes (4 or 16) and prefix length. */
public record Prefix(byte[] address, int length) {

    /** Parses {@code 10.1.0.0/16}, {@code 2001:db8::/32} or a bare address (host prefix). */
    public static Prefix parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash >= 0 ? t.substring(0, slash) : t;
        if (addr.isEmpty() || !(addr.contains(".") || addr.contains(":"))
                || !addr.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4/IPv6 address or CIDR prefix");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(addr).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4/IPv6 address or CIDR prefix");
        }
        if (addr.contains(":") && bytes.length == 4) {
            // IPv4-mapped IPv6 written by the user: keep it IPv6-shaped.
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, v6, 12, 4);
            bytes = v6;
        }
        int max = bytes.length * 8;
        int len = max;
        if (slash >= 0) {
            String lenText = t.substring(slash + 1);
            if (!lenText.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + text + "': prefix length '" + lenText + "' is not a number");
            }
            len = Integer.parseInt(lenText);
            if (len > max) {
                throw new IllegalArgumentException("'" + text + "': prefix length " + len + " exceeds " + max);
            }
        }
        for (int bit = len; bit < max; bit++) {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                throw new IllegalArgumentException("'" + text + "' has host bits set beyond /" + len
                        + " (did you mean " + masked(bytes, len) + "/" + len + "?)");
            }
        }
        return new Prefix(bytes, len);
    }

    /**
     * An IPv4-mapped IPv6 prefix ({@code ::ffff:10.30.0.1}, {@code ::ffff:10.40.0.0/120}) as the IPv4 prefix
     * it names, so it matches IPv4 traffic; any other prefix as it is. A mapped prefix shorter than /96
     * covers more than IPv4 addresses and is refused.
     */
    public Prefix ipv4IfMapped() {
        if (address.length != 16) {
            return this;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return this;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return this;
        }
        if (length < 96) {
            throw new IllegalArgumentException("'" + this + "' is an IPv4-mapped IPv6 prefix shorter than /96;"
                    + " write the IPv4 prefix it means instead");
        }
        return new Prefix(Arrays.copyOfRange(address, 12, 16), length - 96);
    }

    private static String masked(byte[] bytes, int len) {
        byte[] copy = bytes.clone();
        for (int bit = len; bit < copy.length * 8; bit++) {
            copy[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return AddressFormat.format(copy, 0, copy.length);
    }

    /** True when the address (4 or 16 bytes) lies inside this prefix. */
    public boolean contains(byte[] other) {
        if (other.length != address.length) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((other[bit / 8] & mask) != (address[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** A host prefix (/32, /128) is written as the bare address. */
    public boolean isHost() {
        return length == address.length * 8;
    }

    /** The address alone for a host prefix, else {@code addr/len}. */
    public String text() {
        return isHost() ? AddressFormat.format(address, 0, address.length) : toString();
    }

    @Override
    public String toString() {
        return AddressFormat.format(address, 0, address.length) + "/" + length;
    }
}
