package dev.ucaudit.cli;

import dev.ucaudit.engine.EngineSink;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.packet.RawPacket;
import java.util.Locale;

/**
 * Progress of reading one capture, on the reading thread: every 256 packets it reads the clock,
 * and a few times a second it draws bytes read of the input's size, %, packets, packets/s, ETA and
 * flows from the counters the source and the auditor keep.
 */
final class ReadProgress implements PacketSink {
    private final PacketSink next;
    private final ProgressLine line;
    private final EngineSink auditor;
    private final PacketSource source;
    private final String name;
    /** Size of the input in bytes as stored, or -1 when unknown (standard input). */
    private final long size;
    private final long startNanos = System.nanoTime();
    private long packets;

    ReadProgress(PacketSink next, ProgressLine line, EngineSink auditor, PacketSource source, String name, long size) {
        this.next = next;
        this.line = line;
        this.auditor = auditor;
        this.source = source;
        this.name = name;
        this.size = size;
        line.hold(startNanos);
    }

    @Override
    public void packet(RawPacket packet) {
        next.packet(packet);
        if ((++packets & 0xff) == 0) {
            long now = System.nanoTime();
            if (line.due(now)) {
                line.draw(text(now), now);
            }
        }
    }

    @Override
    public void problem(CaptureProblem problem) {
        next.problem(problem);
    }

    String text(long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        long read = source.bytesRead();
        StringBuilder sb = new StringBuilder("ucaudit: ").append(name.length() > 24 ? "..." + name.substring(name.length() - 21) : name);
        if (read >= 0) {
            sb.append("  ").append(ProgressLine.bytes(read));
            if (size > 0) {
                sb.append(" of ").append(ProgressLine.bytes(size))
                        .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, read * 100 / size)));
            }
        }
        sb.append(String.format(Locale.ROOT, "  %,d packets  %,.0f pkt/s  %,d flows", packets, packets / seconds, auditor.flowsSeen()));
        if (size > 0 && read > 0 && read < size) {
            sb.append("  ETA ").append(ProgressLine.duration((long) Math.ceil(seconds * (size - read) / read)));
        }
        return sb.toString();
    }
}
