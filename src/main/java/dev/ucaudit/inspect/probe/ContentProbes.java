package dev.ucaudit.inspect.probe;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Frame;
import dev.ucaudit.inspect.Framer;
import dev.ucaudit.inspect.h323.TpktFramer;
import dev.ucaudit.inspect.mgcp.MgcpParser;
import dev.ucaudit.inspect.sccp.SccpFramer;
import dev.ucaudit.inspect.sccp.SccpParser;
import dev.ucaudit.inspect.tftp.TftpParser;
import java.util.List;
import java.util.Optional;

/**
 * The probes of the signalling inspectors: SIP (a request or status line naming SIP/2.0), SCCP (a
 * complete Skinny header with a known message id), H.225 (TPKT version 3 carrying Q.931, protocol
 * discriminator 8), MGCP (a command verb with "MGCP 1.0", or a numeric response), TFTP (a read or
 * write request with a valid mode). Each looks at the first bytes only.
 */
public final class ContentProbes {
    /** How far a probe reads into a payload to find the first line of a text protocol. */
    static final int MAX_FIRST_LINE = 512;

    private final List<ContentProbe> probes = List.of(new Sip(), new Sccp(), new H225(), new Mgcp(), new Tftp());

    public List<ContentProbe> all() {
        return probes;
    }

    /** The probe of one inspector, if it has one. */
    public Optional<ContentProbe> of(String inspector) {
        return probes.stream().filter(p -> p.inspector().equals(inspector)).findFirst();
    }

    /** A guess of what the bytes are, for a reason a person reads: "HTTP", "TLS", "text", "binary data". */
    public static String guess(byte[] buf, int off, int len) {
        if (len >= 3 && buf[off] == 0x16 && buf[off + 1] == 0x03) {
            return "TLS";
        }
        String line = firstLine(buf, off, len);
        if (line != null && (line.startsWith("HTTP/") || line.matches("[A-Z]{3,10} \\S+ HTTP/\\d\\.\\d"))) {
            return "HTTP";
        }
        for (int i = off; i < off + Math.min(len, 64); i++) {
            int b = buf[i] & 0xff;
            if ((b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b > 0x7e) {
                return "binary data";
            }
        }
        return "text";
    }

    /** The first line (without CR LF) when one ends within {@link #MAX_FIRST_LINE} bytes; else null. */
    static String firstLine(byte[] buf, int off, int len) {
        int limit = off + Math.min(len, MAX_FIRST_LINE);
        for (int i = off; i < limit; i++) {
            if (buf[i] == '\n') {
                int end = i > off && buf[i - 1] == '\r' ? i - 1 : i;
                return new String(buf, off, end - off, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    static boolean printable(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xff;
            if ((b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    static boolean valid(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && len <= buf.length - off;
    }

    /** RFC 3261: "METHOD SP Request-URI SP SIP/2.0" or "SIP/2.0 SP 3DIGIT SP reason"; leading CR LF are keep-alives. */
    static final class Sip implements ContentProbe {
        private static final Pattern REQUEST =
                Pattern.compile("[A-Z]{3,16} \\S+ SIP/2\\.0");
        private static final Pattern STATUS = Pattern.compile("SIP/2\\.0 [1-6]\\d\\d( .*)?");

        @Override public String inspector() { return "sip"; }
        @Override public String protocolName() { return "SIP"; }
        @Override public boolean runsOver(int p) { return p == 6 || p == 17 || p == 132; }

        @Override
        public Detection probe(byte[] buf, int off, int len) {
            if (!valid(buf, off, len)) {
                return Detection.INVALID;
            }
            while (len > 0 && (buf[off] == '\r' || buf[off] == '\n')) {
                off++;
                len--;
            }
            if (len == 0) {
                return Detection.NEEDS_MORE_DATA;
            }
            String line = firstLine(buf, off, len);
            if (line == null) {
                return len < MAX_FIRST_LINE && printable(buf, off, len) ? Detection.NEEDS_MORE_DATA : Detection.INVALID;
            }
            return REQUEST.matcher(line).matches() || STATUS.matcher(line).matches() ? Detection.DETECTED : Detection.INVALID;
        }
    }

    /** A binary protocol: its framer must not reject the bytes, then the first {@code needs} bytes decide. */
    abstract static class FramedProbe implements ContentProbe {
        private final Framer framer;
        private final int needs;

        FramedProbe(Framer framer, int needs) {
            this.framer = framer;
            this.needs = needs;
        }

        @Override
        public Detection probe(byte[] buf, int off, int len) {
            Frame f = framer.frame(buf, off, len);
            if (f.detection() == Detection.INVALID) {
                return Detection.INVALID;
            }
            return len < needs ? Detection.NEEDS_MORE_DATA : decide(buf, off, f.detection());
        }

        /** @param framed the framer's answer: DETECTED when the whole first message is there */
        abstract Detection decide(byte[] buf, int off, Detection framed);
    }

    /** A whole Skinny header (length, version) and a message id of the protocol's ranges. */
    static final class Sccp extends FramedProbe {
        Sccp() {
            super(new SccpFramer(), SccpFramer.HEADER + 4);
        }

        @Override public String inspector() { return "sccp"; }
        @Override public String protocolName() { return "SCCP"; }
        @Override public boolean runsOver(int p) { return p == 6; }

        @Override
        Detection decide(byte[] buf, int off, Detection framed) {
            int id = SccpParser.messageId(buf, off);
            boolean known = id <= 0x01ff || (id >= 0x8000 && id <= 0x81ff);
            return known ? framed : Detection.INVALID;
        }
    }

    /** TPKT version 3 whose payload starts a Q.931 message (protocol discriminator 8). */
    static final class H225 extends FramedProbe {
        H225() {
            super(new TpktFramer(), TpktFramer.HEADER + 1);
        }

        @Override public String inspector() { return "h225"; }
        @Override public String protocolName() { return "H.225"; }
        @Override public boolean runsOver(int p) { return p == 6; }

        @Override
        Detection decide(byte[] buf, int off, Detection framed) {
            return buf[off + TpktFramer.HEADER] == 0x08 ? Detection.DETECTED : Detection.INVALID;
        }
    }

    /** An MGCP command ("CRCX 1234 aaln/1@gw MGCP 1.0") or response ("200 1234 OK"). */
    static final class Mgcp implements ContentProbe {
        private static final Pattern COMMAND =
                Pattern.compile("[A-Z]{4} \\d{1,9} \\S+ MGCP 1\\.0.*");
        private static final Pattern RESPONSE = Pattern.compile("\\d{3} \\d{1,9}( .*)?");

        @Override public String inspector() { return "mgcp"; }
        @Override public String protocolName() { return "MGCP"; }
        @Override public boolean runsOver(int p) { return p == 17; }

        @Override
        public Detection probe(byte[] buf, int off, int len) {
            Detection d = MgcpParser.detect(buf, off, len);
            if (d != Detection.DETECTED) {
                return d;
            }
            String line = firstLine(buf, off, len);
            if (line == null) {
                return len < MAX_FIRST_LINE && printable(buf, off, len) ? Detection.NEEDS_MORE_DATA : Detection.INVALID;
            }
            return COMMAND.matcher(line).matches() || RESPONSE.matcher(line).matches() ? Detection.DETECTED : Detection.INVALID;
        }
    }

    /** A TFTP read or write request (opcode 1 or 2, file name, mode); other opcodes only follow a request. */
    static final class Tftp implements ContentProbe {
        @Override public String inspector() { return "tftp"; }
        @Override public String protocolName() { return "TFTP"; }
        @Override public boolean runsOver(int p) { return p == 17; }

        @Override
        public Detection probe(byte[] buf, int off, int len) {
            TftpParser.Result r = TftpParser.parse(buf, off, len);
            if (r.detection() == Detection.DETECTED) {
                return r.request() != null ? Detection.DETECTED : Detection.INVALID;
            }
            return r.detection();
        }
    }
}
