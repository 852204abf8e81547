package dev.ucaudit.audit;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.Decapsulation;
import dev.ucaudit.decode.DecodeStatus;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.decode.PacketDecoder;
import java.util.HashSet;
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
                    problem(new CaptureProblem(raw.sourceName, raw.number, "link-type",
                            decoder.lastProblem() + " (this and every later packet of that link type are counted, not decoded)", false));
                }
            }
            case MALFORMED -> {
                stats.undecodable(category(decoder.lastProblem()));
                problem(new CaptureProblem(raw.sourceName, raw.number, "malformed", decoder.lastProblem(), false));
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
