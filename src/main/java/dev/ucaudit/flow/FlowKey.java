package dev.ucaudit.flow;

import dev.ucaudit.decode.DecodedPacket;
import java.util.Arrays;

/**
 * Canonical two-way flow key: protocol and the two endpoints ordered so that both directions of a
 * conversation give the same key. Side A is the lower (address, port).
 */
public final class FlowKey {
    private final int protocol;
    private final byte[] addressA;
    private final int portA;
    private final byte[] addressB;
    private final int portB;
    private final int hash;

    private FlowKey(int protocol, byte[] addressA, int portA, byte[] addressB, int portB) {
        this.protocol = protocol;
        this.addressA = addressA;
        this.portA = portA;
        this.addressB = addressB;
        this.portB = portB;
        int h = protocol;
        h = 31 * h + Arrays.hashCode(addressA);
        h = 31 * h + portA;
        h = 31 * h + Arrays.hashCode(addressB);
        h = 31 * h + portB;
        this.hash = h;
    }

    /** Key of the packet's flow; ports -1 when the protocol has none. */
    public static FlowKey of(DecodedPacket p) {
        int len = p.addressLength();
        return of(p.protocol, Arrays.copyOf(p.src, len), p.srcPort, Arrays.copyOf(p.dst, len), p.dstPort);
    }

    public static FlowKey of(int protocol, byte[] src, int srcPort, byte[] dst, int dstPort) {
        int c = compare(src, srcPort, dst, dstPort);
        return c <= 0 ? new FlowKey(protocol, src, srcPort, dst, dstPort) : new FlowKey(protocol, dst, dstPort, src, srcPort);
    }

    /** True when a packet from (src, srcPort) travels A to B in this key. */
    public boolean isFromA(byte[] src, int srcLen, int srcPort) {
        return srcPort == portA && Arrays.equals(addressA, 0, addressA.length, src, 0, srcLen);
    }

    private static int compare(byte[] a, int aPort, byte[] b, int bPort) {
        int c = Arrays.compareUnsigned(a, b);
        return c != 0 ? c : Integer.compare(aPort, bPort);
    }

    public int protocol() {
        return protocol;
    }

    public byte[] addressA() {
        return addressA;
    }

    public int portA() {
        return portA;
    }

    public byte[] addressB() {
        return addressB;
    }

    public int portB() {
        return portB;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && k.hash == hash && k.protocol == protocol && k.portA == portA
                && k.portB == portB && Arrays.equals(k.addressA, addressA) && Arrays.equals(k.addressB, addressB);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
