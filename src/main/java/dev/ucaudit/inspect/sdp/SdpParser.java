package dev.ucaudit.inspect.sdp;

import java.nio.charset.StandardCharsets;
import dev.ucaudit.inspect.stream.AddressText;
import dev.ucaudit.inspect.stream.Bytes;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the connection and media lines of an SDP body (RFC 4566): session- and media-level
 * {@code c=IN IP4|IP6 addr[/ttl]}, {@code m=type port[/n] proto fmt...}, {@code a=rtcp:PORT [IN IP4|IP6 addr]}
 * (RFC 3605) and {@code a=rtcp-mux}. Other lines are ignored, so multipart boundaries around the
 * SDP do no harm. Never throws; bounded to {@value #MAX_LINES} lines and {@value #MAX_MEDIA} media.
 */
public final class SdpParser {
    public static final int MAX_LINES = 2000;
    public static final int MAX_MEDIA = 64;
    public static final int MAX_LINE = 4096;

    private SdpParser() {
    }

    /** Mutable state of one m= section while its attribute lines are read. */
    private static final class MediaBuilder {
        String type;
        int port;
        String proto;
        InetAddress address;
        int explicitRtcpPort = -1;
        InetAddress rtcpAddress;
        boolean mux;

        SdpMedia build(InetAddress session) {
            InetAddress addr = address != null ? address : session;
            int rtcp = -1;
            if (port > 0 && proto.toUpperCase().contains("RTP")) {
                rtcp = explicitRtcpPort >= 0 ? explicitRtcpPort : mux ? port : port + 1 <= 65535 ? port + 1 : -1;
            }
            return new SdpMedia(type, port, proto, addr, rtcp, rtcpAddress != null ? rtcpAddress : addr);
        }
    }

    public static SdpDescription parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length);
    }

    public static SdpDescription parse(byte[] buf, int off, int len) {
        List<SdpMedia> media = new ArrayList<>();
        if (buf == null || !Bytes.has(off, len, buf.length)) {
            return new SdpDescription(null, media, 1);
        }
        InetAddress session = null;
        MediaBuilder current = null;
        List<MediaBuilder> builders = new ArrayList<>();
        int problems = 0;
        int end = off + len;
        int pos = off;
        for (int lines = 0; pos < end && lines < MAX_LINES; lines++) {
            int eol = Bytes.lineEnd(buf, pos, end);
            int lineEnd = Bytes.trimCr(buf, pos, eol);
            int n = lineEnd - pos;
            char t = n >= 2 ? (char) buf[pos] : 0;
            // a String only for the lines read: c=, m=, and a= within a media section starting "rtcp"
            // (an a=rtpmap/fmtp/ptime line, v=, o=, s=, t= costs no allocation)
            if (n >= 2 && n <= MAX_LINE && buf[pos + 1] == '='
                    && (t == 'c' || t == 'm' || t == 'a' && current != null && startsRtcp(buf, pos + 2, lineEnd))) {
                String value = Bytes.ascii(buf, pos + 2, n - 2).trim();
                if (t == 'c') {
                    InetAddress a = connection(value);
                    if (a == null && !value.isEmpty() && !isUnspecified(value)) {
                        problems++;
                    }
                    if (current == null) {
                        session = a;
                    } else {
                        current.address = a;
                    }
                } else if (t == 'm') {
                    current = null;
                    MediaBuilder m = mediaLine(value);
                    if (m == null) {
                        problems++;
                    } else if (builders.size() < MAX_MEDIA) {
                        builders.add(m);
                        current = m;
                    }
                } else if (t == 'a' && current != null) {
                    if (value.startsWith("rtcp:")) {
                        if (!rtcpAttribute(value.substring(5).trim(), current)) {
                            problems++;
                        }
                    } else if (value.equals("rtcp-mux")) {
                        current.mux = true;
                    }
                }
            }
            pos = eol + 1;
        }
        for (MediaBuilder m : builders) {
            media.add(m.build(session));
        }
        return new SdpDescription(session, media, problems);
    }

    /** True when {@code buf[from, end)}, leading blanks skipped, starts with "rtcp" (the only a= lines read). */
    private static boolean startsRtcp(byte[] buf, int from, int end) {
        while (from < end && (buf[from] & 0xff) <= ' ') {
            from++;
        }
        return end - from >= 4 && buf[from] == 'r' && buf[from + 1] == 't' && buf[from + 2] == 'c' && buf[from + 3] == 'p';
    }

    private static boolean isUnspecified(String cValue) {
        return cValue.endsWith(" 0.0.0.0") || cValue.endsWith(" ::");
    }

    /** "IN IP4 192.0.2.1[/ttl[/n]]" -> address; null when unparsable or unspecified (0.0.0.0 = hold). */
    static InetAddress connection(String value) {
        String[] f = Bytes.fields(value);
        if (f.length < 3 || !f[0].equalsIgnoreCase("IN")) {
            return null;
        }
        String addr = f[2];
        int slash = addr.indexOf('/');
        if (slash >= 0) {
            addr = addr.substring(0, slash);
        }
        InetAddress a;
        if (f[1].equalsIgnoreCase("IP4")) {
            a = AddressText.parseV4(addr);
        } else if (f[1].equalsIgnoreCase("IP6")) {
            a = addr.indexOf(':') >= 0 ? AddressText.parseV6(addr) : null;
        } else {
            return null;
        }
        return a == null || a.isAnyLocalAddress() ? null : a;
    }

    private static MediaBuilder mediaLine(String value) {
        String[] f = Bytes.fields(value);
        if (f.length < 3) {
            return null;
        }
        String p = f[1];
        int slash = p.indexOf('/');
        if (slash >= 0) {
            p = p.substring(0, slash);
        }
        int port = number(p, 65535);
        if (port < 0) {
            return null;
        }
        MediaBuilder m = new MediaBuilder();
        m.type = f[0].toLowerCase();
        m.port = port;
        m.proto = f[2];
        return m;
    }

    private static boolean rtcpAttribute(String value, MediaBuilder m) {
        String[] f = Bytes.fields(value);
        int port = number(f[0], 65535);
        if (port < 0) {
            return false;
        }
        if (f.length >= 4 && isUnspecified(String.join(" ", f))) {
            // a=rtcp:9 IN IP4 0.0.0.0 (WebRTC, RFC 8839): no RTCP address offered here (ICE chooses it), not malformed
            return true;
        }
        m.explicitRtcpPort = port;
        if (f.length >= 4) {
            InetAddress a = connection(f[1] + " " + f[2] + " " + f[3]);
            if (a == null) {
                return false;
            }
            m.rtcpAddress = a;
        }
        return true;
    }

    /** Decimal number in 0..max, or -1. */
    static int number(String s, int max) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= max ? v : -1;
    }
}
