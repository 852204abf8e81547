package dev.ucaudit.inspect.rtp;

import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.Recogniser;
import dev.ucaudit.inspect.probe.ProbeText;

/**
 * Media on a UDP flow, demultiplexed by the first byte as RFC 7983 does: STUN/ICE (0-3, with the
 * magic cookie or a classic STUN header whose length fits), ZRTP (16-19, "ZRTP" cookie), DTLS (20-63:
 * record type 20-25 and version 0xfeff/0xfefd, as DTLS-SRTP starts), RTCP and SRTCP (128-191 with a
 * packet type 192-223), RTP and SRTP (128-191 otherwise). One RTP packet cannot tell: two of the same
 * source in one direction must agree on the payload type (or switch to comfort noise or a dynamic
 * type, as DTMF events do) with a rising sequence number. T.38 over UDPTL (a sequence number, then
 * length-prefixed IFP packets that fill the datagram exactly) is media too. Anything else is not.
 * One per flow: it keeps the last RTP header of each direction.
 */
public final class MediaRecogniser implements Recogniser {
    private static final int MAX_SEQ_STEP = 100;
    private final long[] ssrc = {-1, -1};
    private final int[] seq = new int[2];
    private final int[] payloadType = new int[2];
    private int sourcesSeen;

    @Override
    public Recogniser forFlow(int ipProtocol) {
        return new MediaRecogniser();
    }

    @Override
    public Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        int first = buf[off] & 0xff;
        Look look;
        if (first < 4) {
            look = stun(buf, off, len);
        } else if (first >= 16 && first < 20) {
            look = len >= 12 && buf[off + 4] == 'Z' && buf[off + 5] == 'R' && buf[off + 6] == 'T' && buf[off + 7] == 'P'
                    ? Look.YES : Look.NO;
        } else if (first >= 20 && first < 64) {
            look = dtls(buf, off, len);
        } else if (first >= 128 && first < 192) {
            look = rtpOrRtcp(dir, buf, off, len);
        } else {
            look = Look.NO;
        }
        return look == Look.NO && udptl(buf, off, len) ? Look.YES : look;
    }

    /** A one-datagram answer: STUN, ZRTP, DTLS, RTCP or UDPTL say yes; RTP alone cannot tell. For naming what a flow carries. */
    public static Look single(byte[] buf, int off, int len) {
        return new MediaRecogniser().look(Direction.FROM_INITIATOR, buf, off, len);
    }

    private static Look stun(byte[] buf, int off, int len) {
        if (len < 20 || (buf[off] & 0xc0) != 0) {
            return Look.NO;
        }
        int length = u16(buf, off + 2);
        if (length + 20 != len || (length & 3) != 0) {
            return Look.NO;
        }
        boolean cookie = buf[off + 4] == 0x21 && buf[off + 5] == 0x12 && (buf[off + 6] & 0xff) == 0xa4 && buf[off + 7] == 0x42;
        int type = u16(buf, off);
        boolean classic = type == 0x0001 || type == 0x0101 || type == 0x0111 || type == 0x0002 || type == 0x0102
                || type == 0x0112;
        return cookie || classic ? Look.YES : Look.NO;
    }

    private static Look dtls(byte[] buf, int off, int len) {
        int type = buf[off] & 0xff;
        if (type > 25 || len < 13 || (buf[off + 1] & 0xff) != 0xfe) {
            return Look.NO;
        }
        int minor = buf[off + 2] & 0xff;
        if (minor != 0xff && minor != 0xfd && minor != 0xfc) {
            return Look.NO;
        }
        return 13 + u16(buf, off + 11) <= len ? Look.YES : Look.NO;
    }

    private Look rtpOrRtcp(Direction dir, byte[] buf, int off, int len) {
        int type = buf[off + (len > 1 ? 1 : 0)] & 0xff;
        if (len >= 8 && type >= 192 && type <= 223) {
            return 4 * (u16(buf, off + 2) + 1) <= len ? Look.YES : Look.NO; // RTCP, SRTCP (index and tag follow)
        }
        int header = 12 + 4 * (buf[off] & 0x0f);
        if (len < header) {
            return Look.NO;
        }
        int pt = type & 0x7f;
        int sequence = u16(buf, off + 2);
        long source = (long) u16(buf, off + 8) << 16 | u16(buf, off + 10);
        int d = dir == Direction.FROM_INITIATOR ? 0 : 1;
        if (ssrc[d] == source) {
            int step = (sequence - seq[d]) & 0xffff;
            // the same payload type, or a switch to comfort noise (13) or a dynamic type (DTMF events) and back
            boolean samePayload = pt == payloadType[d] || pt == 13 || payloadType[d] == 13 || pt >= 96 || payloadType[d] >= 96;
            if (step >= 1 && step <= MAX_SEQ_STEP && samePayload) {
                return Look.YES;
            }
            return step == 0 ? Look.MORE : Look.NO;
        }
        if (++sourcesSeen > 2) {
            return Look.NO; // a new source on every packet: not a stream
        }
        ssrc[d] = source;
        seq[d] = sequence;
        payloadType[d] = pt;
        return Look.MORE;
    }

    /**
     * UDPTL (T.38): 2-byte sequence, one IFP packet, then the redundant IFP packets or the forward error
     * correction packets, which end the datagram exactly.
     */
    private static boolean udptl(byte[] buf, int off, int len) {
        int end = off + len;
        int p = off + 2;
        int[] at = {p};
        if (!lengthPrefixed(buf, at, end)) {
            return false;
        }
        p = at[0];
        if (p >= end) {
            return false;
        }
        if ((buf[p] & 0xff) == 0x80) {
            // forward error correction: fec-npackets (a length-prefixed integer), then its fec-data
            at[0] = p + 1;
            if (!lengthPrefixed(buf, at, end) || at[0] >= end) {
                return false;
            }
            p = at[0];
        } else if ((buf[p] & 0x80) != 0) {
            return false;
        }
        int count = buf[p] & 0xff;
        at[0] = p + 1;
        for (int i = 0; i < count; i++) {
            if (!lengthPrefixed(buf, at, end)) {
                return false;
            }
        }
        return at[0] == end;
    }

    private static boolean lengthPrefixed(byte[] buf, int[] at, int end) {
        int p = at[0];
        if (p >= end) {
            return false;
        }
        int l = buf[p] & 0xff;
        if (l == 0 || l >= 0x80) {
            return false;
        }
        at[0] = p + 1 + l;
        return at[0] <= end;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }
}
