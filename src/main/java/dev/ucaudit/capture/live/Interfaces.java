package dev.ucaudit.capture.live;

import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.inventory.AddressFormat;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** The interfaces libpcap can capture on, in its order, as {@code tcpdump -D} lists them. */
public final class Interfaces {
    /** One interface: name, libpcap's description (may be empty), flags and addresses. */
    public record Entry(String name, String description, boolean up, boolean loopback, List<String> addresses) {
    }

    private Interfaces() {
    }

    public static List<Entry> list() throws CaptureException {
        try {
            List<Entry> entries = new ArrayList<>();
            for (PcapNetworkInterface dev : Pcaps.findAllDevs()) {
                List<String> addresses = new ArrayList<>();
                for (PcapAddress a : dev.getAddresses()) {
                    if (a.getAddress() != null) {
                        byte[] raw = a.getAddress().getAddress();
                        addresses.add(AddressFormat.format(raw, 0, raw.length));
                    }
                }
                entries.add(new Entry(dev.getName(), dev.getDescription() == null ? "" : dev.getDescription(), dev.isUp(),
                        dev.isLoopBack(), List.copyOf(addresses)));
            }
            return entries;
        } catch (Exception | LinkageError e) {
            throw new CaptureException("cannot list the capture interfaces: " + e.getMessage(), e);
        }
    }
}
