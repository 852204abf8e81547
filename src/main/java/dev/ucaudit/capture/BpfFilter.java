package dev.ucaudit.capture;

import dev.ucaudit.packet.RawPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A BPF filter expression applied to packets read from files, compiled by libpcap once per link
 * type. A compile error names the expression and libpcap's reason.
 */
public final class BpfFilter implements AutoCloseable {
    private static final int SNAPLEN = 262144;
    /**
     * PCAP_NETMASK_UNKNOWN (0xffffffff): offline there is no interface to take a netmask from, and pcap4j
     * rejects a null one; with it libpcap compiles every expression except those using "ip broadcast".
     */
    private static final Inet4Address NETMASK_UNKNOWN = netmaskUnknown();

    private final String expression;
    private final Map<Integer, BpfProgram> programs = new HashMap<>();

    public BpfFilter(String expression) throws CaptureException {
        this.expression = expression;
        program(1); // compile once for Ethernet so a syntax error is reported before reading
    }

    private BpfProgram program(int linkType) throws CaptureException {
        BpfProgram p = programs.get(linkType);
        if (p == null) {
            // through a dead handle, whose pcap_geterr keeps libpcap's own words ("syntax error", "unknown host 'foo'")
            try (PcapHandle dead = Pcaps.openDead(DataLinkType.getInstance(linkType), SNAPLEN)) {
                p = dead.compileFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE, NETMASK_UNKNOWN);
            } catch (PcapNativeException | NotOpenException | RuntimeException e) {
                String why = String.valueOf(e.getMessage()).replaceFirst("^Error occurred in pcap_compile: ", "");
                throw new CaptureException("--filter '" + expression + "' does not compile for link type "
                        + LinkTypes.describe(linkType) + ": " + why + " (see man pcap-filter for the syntax)", e);
            } catch (UnsatisfiedLinkError e) {
                throw new CaptureException("--filter needs libpcap, which could not be loaded: " + e.getMessage()
                        + " (install it: apt-get install libpcap0.8)", null);
            }
            programs.put(linkType, p);
        }
        return p;
    }

    private static Inet4Address netmaskUnknown() {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {-1, -1, -1, -1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an IPv4 address
        }
    }

    /** True when the packet passes the filter. */
    public boolean accepts(RawPacket packet) throws CaptureException {
        byte[] bytes = packet.offset == 0 && packet.data.length == packet.length ? packet.data
                : Arrays.copyOfRange(packet.data, packet.offset, packet.offset + packet.length);
        return program(packet.linkType).applyFilter(bytes, packet.originalLength, packet.length);
    }

    public String expression() {
        return expression;
    }

    @Override
    public void close() {
        programs.values().forEach(BpfProgram::free);
        programs.clear();
    }
}
