package dev.ucaudit.capture;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helper: reads a source into a list of copied packets and problems. */
final class ReadAll implements PacketSink {
    record Packet(long number, long timestampNanos, int linkType, byte[] bytes, int originalLength) {
        String summary() {
            return number + "@" + timestampNanos + " dlt" + linkType + " " + bytes.length + "/" + originalLength + " "
                    + HexFormat.of().formatHex(bytes);
        }
    }

    final List<Packet> packets = new ArrayList<>();
    final List<CaptureProblem> problems = new ArrayList<>();

    static ReadAll read(PacketSource source) throws CaptureException {
        ReadAll all = new ReadAll();
        try (source) {
            source.run(all);
        }
        return all;
    }

    static List<String> summaries(PacketSource source) throws CaptureException {
        return read(source).packets.stream().map(Packet::summary).toList();
    }

    @Override
    public void packet(RawPacket p) {
        byte[] copy = new byte[p.length];
        System.arraycopy(p.data, p.offset, copy, 0, p.length);
        packets.add(new Packet(p.number, p.timestampNanos, p.linkType, copy, p.originalLength));
    }

    @Override
    public void problem(CaptureProblem problem) {
        problems.add(problem);
    }

    String problemText() {
        StringBuilder s = new StringBuilder();
        problems.forEach(p -> s.append(p.describe()).append('\n'));
        return s.toString();
    }
}
