package dev.ucaudit.audit;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.Decapsulation;
import dev.ucaudit.decode.DecodeStatus;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.decode.PacketDecoder;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The first step of every audit: decodes a packet and counts it in the run statistics (inputs,
 * packets, bytes, time range, tunnels, what could not be decoded), reporting problems to the
 * listener. It keeps no flow state, so a part of the packets can go through it on its own (a
 * partial audit) and the parts' statistics add up to those of one run.
 */
public final class PacketIntake {
    private final PacketDecoder decoder;
    private final AuditListener listener;
    private final Set<String> linkTypeReported = new HashSet<>();
    private RunStats stats = new RunStats();
    /** The input of the previous packet: sources hand on the same name object for all their packets. */
    private String lastInputName;
    private RunStats.InputStats lastInput;
    /** A capture's time going back by this much or more is noted as damage (less is ordinary reordering). */
    static final long CLOCK_JUMP_NANOS = 1_000_000_000L;

    public PacketIntake(Decapsulation decapsulation, AuditListener listener) {
        this.decoder = new PacketDecoder(decapsulation);
        this.listener = listener;
    }

    /** Decodes {@code raw} into {@code d} and counts it; IP packets go on to the flows. */
    public DecodeStatus take(RawPacket raw, DecodedPacket d) {
        RunStats.InputStats in = lastInput;
        if (raw.sourceName != lastInputName) {
            in = stats.input(raw.sourceName);
            lastInput = in;
            lastInputName = raw.sourceName;
        }
        in.packets++;
        stats.packets++;
        stats.bytes += raw.originalLength;
        stats.time(raw.timestampNanos);
        clock(in, raw);
        DecodeStatus status = decoder.decode(raw, d);
        if (d.tunnelDepth > 0 && status != DecodeStatus.MALFORMED) {
            stats.tunnels.count(d, raw.originalLength, raw.timestampNanos); // the tunnel, once, as transport
        }
        switch (status) {
            case NOT_IP -> stats.nonIpPackets++;
            case UNKNOWN_LINK_TYPE -> {
                stats.unknownLinkType(raw.linkType);
                stats.undecodable("unknown link type " + raw.linkType);
                if (linkTypeReported.add(raw.sourceName + "|" + raw.linkType)) {
                    problem(new CaptureProblem(raw.sourceName, raw.number, Kind.LINK_TYPE,
                            decoder.lastProblem() + " (this and every later packet of that link type are counted, not decoded)", false));
                }
            }
            case MALFORMED -> {
                stats.undecodable(category(decoder.lastProblem()));
                problem(new CaptureProblem(raw.sourceName, raw.number, Kind.MALFORMED, decoder.lastProblem(), false));
            }
            case IP -> {
                stats.ipPackets++;
                if (d.fragment) {
                    stats.fragments++;
                }
            }
        }
        return status;
    }

    /**
     * Notes, once per input, a timestamp at least {@link #CLOCK_JUMP_NANOS} earlier than the input's
     * latest: a capture clock that was set back (NTP step, a merged file). Every packet is still read.
     */
    private void clock(RunStats.InputStats in, RawPacket raw) {
        long latest = in.lastPacketNanos;
        if (raw.timestampNanos >= latest) {
            in.lastPacketNanos = raw.timestampNanos;
        } else if (!in.clockJumpedBack && latest - raw.timestampNanos >= CLOCK_JUMP_NANOS) {
            in.clockJumpedBack = true;
            problem(new CaptureProblem(raw.sourceName, raw.number, Kind.CLOCK, "the capture's time jumps back by "
                    + span(latest - raw.timestampNanos) + " (from " + Instant.ofEpochMilli(Math.floorDiv(latest, 1_000_000L)) + " to "
                    + Instant.ofEpochMilli(Math.floorDiv(raw.timestampNanos, 1_000_000L)) + "); noted once per input. Flows are judged idle by their own"
                    + " packets' times", false));
        }
    }

    /** "12.0 h", "5.5 min", "2.250 s". */
    private static String span(long nanos) {
        double s = nanos / 1e9;
        return s >= 3600 ? String.format(Locale.ROOT, "%.1f h", s / 3600)
                : s >= 60 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.3f s", s);
    }

    /** Decodes without counting: a packet replayed from a partial audit was counted when it was read. */
    public DecodeStatus decodeOnly(RawPacket raw, DecodedPacket d) {
        return decoder.decode(raw, d);
    }

    private static String category(String message) {
        if (message == null) {
            return "malformed";
        }
        int colon = message.indexOf(':');
        String head = colon > 0 ? message.substring(0, colon) : message;
        return head.length() > 60 ? head.substring(0, 60) : head;
    }

    public void problem(CaptureProblem p) {
        stats.problem(p);
        listener.problem(p);
    }

    /** A whole input could not be opened: counted, and the run goes on with the others. */
    public void inputFailed(String source, String message) {
        RunStats.InputStats in = stats.input(source);
        in.error = message;
        in.readCompletely = false;
        listener.inputFailed(source, message);
    }

    public RunStats stats() {
        return stats;
    }

    /** Starts counting afresh (a live period) or from counts read elsewhere (a replay). */
    public void restart(RunStats next) {
        stats = next;
        lastInput = null;
        lastInputName = null;
    }
}
