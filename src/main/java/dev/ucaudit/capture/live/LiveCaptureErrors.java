package dev.ucaudit.capture.live;

import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.inventory.AddressFormat;
import java.util.List;
import java.util.Locale;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** The errors a user meets when opening a live capture, each as one line saying what to do. */
final class LiveCaptureErrors {
    static final String SETCAP = "setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))";

    private LiveCaptureErrors() {
    }

    static CaptureException libpcapMissing(Throwable t) {
        return new CaptureException("libpcap could not be loaded (" + oneLine(t) + "); live capture needs it: "
                + "apt-get install libpcap0.8 (Debian/Ubuntu) or dnf install libpcap (RHEL), then run again", t);
    }

    static CaptureException permission(String iface, String detail) {
        return new CaptureException("capturing on " + iface + " needs CAP_NET_RAW and CAP_NET_ADMIN (" + detail
                + "): run as root or `" + SETCAP + "` (see docs/live.md for a systemd unit)", null);
    }

    static CaptureException unknownInterface(String iface) {
        return new CaptureException("no interface named '" + iface + "'; available: " + available()
                + " (choose one with --interface)", null);
    }

    static CaptureException interfaceDown(String iface) {
        return new CaptureException("interface " + iface + " is down; bring it up with `ip link set " + iface
                + " up` (a SPAN port needs no IP address) and run again", null);
    }

    static CaptureException badFilter(String expression, String detail) {
        return new CaptureException("--filter '" + expression + "' does not compile: " + detail
                + " (see man pcap-filter for the syntax)", null);
    }

    static CaptureException other(String iface, String detail) {
        return new CaptureException("cannot capture on " + iface + ": " + detail, null);
    }

    /** Classifies a libpcap open error by its message. */
    static CaptureException open(String iface, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("permission") || m.contains("not permitted") || m.contains("eperm")) {
            return permission(iface, message.trim());
        }
        if (m.contains("no such device") || m.contains("doesn't exist") || m.contains("does not exist")) {
            return unknownInterface(iface);
        }
        if (m.contains("not up") || m.contains("went down")) {
            return interfaceDown(iface);
        }
        return other(iface, message);
    }

    /** Interface names with their addresses, for the unknown-interface message. */
    static String available() {
        try {
            List<PcapNetworkInterface> devs = Pcaps.findAllDevs();
            StringBuilder sb = new StringBuilder();
            for (PcapNetworkInterface dev : devs) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(dev.getName());
                StringBuilder addrs = new StringBuilder();
                for (PcapAddress a : dev.getAddresses()) {
                    if (a.getAddress() != null) {
                        addrs.append(addrs.length() == 0 ? "" : " ").append(AddressFormat.format(a.getAddress().getAddress(), 0, a.getAddress().getAddress().length));
                    }
                }
                if (!dev.isUp()) {
                    addrs.append(addrs.length() == 0 ? "" : " ").append("down");
                }
                if (addrs.length() > 0) {
                    sb.append(" (").append(addrs).append(')');
                }
            }
            return sb.length() == 0 ? "none visible (are you root?)" : sb.toString();
        } catch (Exception | LinkageError e) {
            return "unknown (" + oneLine(e) + ")";
        }
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
