package dev.ucaudit.inspect.h323;

import java.util.Collection;
import dev.ucaudit.inspect.stream.Bytes;
import java.net.InetAddress;
import java.util.List;

/**
 * Decodes just enough of an H323-UserInformation (H.225.0 v2+, aligned PER) to find the
 * h245Address:
 * <ul>
 * <li>the UU-PDU message-body CHOICE (root alternatives and the extension ones via open type);</li>
 * <li>Setup and Connect: protocolIdentifier then h245Address (first optional component);</li>
 * <li>CallProceeding, Alerting, Progress: protocolIdentifier, destinationInfo EndpointType (decoded,
 * except a GatewayInfo listing supported protocols, which stops the decode), then h245Address.</li>
 * </ul>
 * Facility (h245Address in its extension additions) and the rest of each body are not decoded.
 * The callIdentifier GUID and fastStart media addresses are found heuristically (see
 * {@link MediaAddressScanner}); every read is bounded by {@link PerReader}.
 */
public final class H225Decoder {
    private static final String[] ROOT = {"setup", "callProceeding", "connect", "alerting", "information",
        "releaseComplete", "facility"};
    private static final String[] EXT = {"progress", "empty", "status", "statusInquiry", "setupAcknowledge", "notify"};

    private H225Decoder() {
    }

    /** Returns null when the bytes do not decode as far as the message body choice. */
    public static H225Info decode(byte[] buf, int off, int len, Collection<InetAddress> trusted,
            int... excludedMediaPorts) {
        if (buf == null || !Bytes.has(off, len, buf.length) || len < 2) {
            return null;
        }
        PerReader r = new PerReader(buf, off, off + len);
        r.bit(); // H323-UserInformation extension bit
        r.bit(); // user-data present
        r.bit(); // H323-UU-PDU extension bit
        r.bit(); // nonStandardData present
        int index;
        PerReader body = r;
        if (r.bit() == 0) {
            index = r.bits(3);
            if (index >= ROOT.length) {
                return null;
            }
        } else {
            index = ROOT.length + r.normallySmall();
            int l = r.length();
            int start = r.bytePos();
            if (r.failed() || !Bytes.has(start, l, off + len)) {
                return null;
            }
            body = new PerReader(buf, start, start + l);
        }
        if (r.failed()) {
            return null;
        }
        String name = index < ROOT.length ? ROOT[index] : index - ROOT.length < EXT.length ? EXT[index - ROOT.length] : "?";
        InetAddress h245 = null;
        int h245Port = -1;
        Object[] a = h245Address(body, name); // nonStandardData follows the body, so it does not matter here
        if (a != null) {
            h245 = (InetAddress) a[0];
            h245Port = (Integer) a[1];
        }
        int[] excluded = new int[excludedMediaPorts.length + 3];
        System.arraycopy(excludedMediaPorts, 0, excluded, 0, excludedMediaPorts.length);
        excluded[excludedMediaPorts.length] = 1720;
        excluded[excludedMediaPorts.length + 1] = 1719;
        excluded[excludedMediaPorts.length + 2] = h245Port;
        List<MediaAddressScanner.Found> media = MediaAddressScanner.scanValidated(buf, off, len, trusted, excluded);
        return new H225Info(name, h245, h245Port, guid(buf, off, len), media);
    }

    /** {address, port} or null. The body reader is positioned at the start of the UUIE. */
    private static Object[] h245Address(PerReader r, String body) {
        boolean ext = r.bit() == 1;
        boolean present;
        switch (body) {
            case "setup" -> {
                present = r.bit() == 1;
                r.bits(6);
                r.skipObjectIdentifier();
            }
            case "connect" -> {
                present = r.bit() == 1;
                r.skipObjectIdentifier();
            }
            case "callProceeding", "alerting" -> {
                present = r.bit() == 1;
                r.skipObjectIdentifier();
                skipEndpointType(r);
            }
            case "progress" -> {
                present = r.bit() == 1;
                r.bits(4);
                r.skipObjectIdentifier();
                skipEndpointType(r);
            }
            default -> {
                return null;
            }
        }
        if (!present || r.failed()) {
            return null;
        }
        return transportAddress(r);
    }

    /** TransportAddress: ipAddress (4-byte ip, port) or ip6Address (16-byte ip, port); others null. */
    static Object[] transportAddress(PerReader r) {
        if (r.bit() == 1) {
            return null; // extension alternative
        }
        int choice = r.bits(3);
        int n;
        if (choice == 0) {
            n = 4;
        } else if (choice == 3) {
            r.bit(); // ip6Address extension bit
            n = 16;
        } else {
            return null;
        }
        int p = r.bytePos();
        r.skip(n);
        int port = r.u16();
        if (r.failed()) {
            return null;
        }
        // the reader validated the range, so the address bytes are inside the buffer
        InetAddress a = Bytes.address(rBuf(r), p, n);
        return a == null ? null : new Object[] {a, port};
    }

    private static byte[] rBuf(PerReader r) {
        return r.buffer();
    }

    /** EndpointType (H.225.0): skips it, failing the reader on a GatewayInfo with a protocol list. */
    static void skipEndpointType(PerReader r) {
        boolean ext = r.bit() == 1;
        boolean nsd = r.bit() == 1;
        boolean vendor = r.bit() == 1;
        boolean gatekeeper = r.bit() == 1;
        boolean gateway = r.bit() == 1;
        boolean mcu = r.bit() == 1;
        boolean terminal = r.bit() == 1;
        if (nsd) {
            skipNonStandardParameter(r);
        }
        if (vendor) {
            boolean vext = r.bit() == 1;
            boolean product = r.bit() == 1;
            boolean version = r.bit() == 1;
            skipH221(r);
            if (product) {
                r.skipSmallOctetString(1);
            }
            if (version) {
                r.skipSmallOctetString(1);
            }
            if (vext) {
                r.skipExtensions();
            }
        }
        if (gatekeeper) {
            skipInfoWithNsd(r);
        }
        if (gateway) {
            boolean gext = r.bit() == 1;
            boolean protocol = r.bit() == 1;
            boolean gnsd = r.bit() == 1;
            if (protocol) {
                r.fail(); // SEQUENCE OF SupportedProtocols: not decoded
                return;
            }
            if (gnsd) {
                skipNonStandardParameter(r);
            }
            if (gext) {
                r.skipExtensions();
            }
        }
        if (mcu) {
            skipInfoWithNsd(r);
        }
        if (terminal) {
            skipInfoWithNsd(r);
        }
        r.bit(); // mc
        r.bit(); // undefinedNode
        if (ext) {
            r.skipExtensions();
        }
    }

    /** GatekeeperInfo / McuInfo / TerminalInfo: SEQUENCE { nonStandardData OPTIONAL, ... }. */
    private static void skipInfoWithNsd(PerReader r) {
        boolean ext = r.bit() == 1;
        if (r.bit() == 1) {
            skipNonStandardParameter(r);
        }
        if (ext) {
            r.skipExtensions();
        }
    }

    private static void skipH221(PerReader r) {
        boolean ext = r.bit() == 1;
        r.skip(4); // t35CountryCode, t35Extension, manufacturerCode
        if (ext) {
            r.skipExtensions();
        }
    }

    private static void skipNonStandardParameter(PerReader r) {
        boolean ext = r.bit() == 1;
        if (ext) {
            r.fail();
            return;
        }
        if (r.bit() == 0) {
            r.skipObjectIdentifier();
        } else {
            skipH221(r);
        }
        r.skip(r.length());
    }

    /** Heuristic: the last "0x11 0x00" + 16 bytes (a CallIdentifier extension addition) in the message. */
    static String guid(byte[] b, int off, int len) {
        String found = null;
        for (int i = off; i + 18 <= off + len; i++) {
            if (b[i] == 0x11 && b[i + 1] == 0) {
                found = Bytes.hex(b, i + 2, 16);
            }
        }
        return found;
    }
}
