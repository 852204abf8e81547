package dev.ucaudit.engine;

import dev.ucaudit.audit.RunStats;
import dev.ucaudit.audit.TunnelStats;
import dev.ucaudit.packet.CaptureProblem;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A part's {@link RunStats} in {@link PartialAuditFormat} (its "stats" item), every count checked and budgeted as it is read. */
final class PartialStatsFormat {
    private PartialStatsFormat() {
    }

    static void write(DataOutputStream out, RunStats s) throws IOException {
        List<RunStats.InputStats> inputs = s.inputs();
        out.writeInt(inputs.size());
        for (RunStats.InputStats in : inputs) {
            PartialAuditFormat.str(out, in.name);
            out.writeLong(in.packets);
            out.writeLong(in.problems);
            PartialAuditFormat.str(out, in.error);
            out.writeBoolean(in.readCompletely);
            out.writeInt(in.notes.size());
            for (String n : in.notes) {
                PartialAuditFormat.str(out, n);
            }
        }
        for (long v : new long[] {s.packets, s.bytes, s.ipPackets, s.nonIpPackets, s.fragments, s.firstNanos, s.lastNanos}) {
            out.writeLong(v);
        }
        List<TunnelStats.Tunnel> tunnels = s.tunnels.tunnels();
        out.writeInt(tunnels.size());
        for (TunnelStats.Tunnel t : tunnels) {
            PartialAuditFormat.str(out, t.endpointA());
            PartialAuditFormat.str(out, t.endpointB());
            PartialAuditFormat.str(out, t.type());
            out.writeLong(t.packets());
            out.writeLong(t.bytes());
            out.writeLong(t.firstSeenNanos());
            out.writeLong(t.lastSeenNanos());
        }
        out.writeLong(s.tunnels.packetsOfUnlisted());
        out.writeInt(s.undecodable().size());
        for (Map.Entry<String, Long> e : s.undecodable().entrySet()) {
            PartialAuditFormat.str(out, e.getKey());
            out.writeLong(e.getValue());
        }
        out.writeInt(s.unknownLinkTypes().size());
        for (Map.Entry<Integer, Long> e : s.unknownLinkTypes().entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        List<CaptureProblem> problems = s.problems();
        out.writeInt(problems.size());
        for (CaptureProblem p : problems) {
            PartialAuditFormat.str(out, p.source());
            out.writeLong(p.packetNumber());
            PartialAuditFormat.str(out, p.kind().text());
            PartialAuditFormat.str(out, p.message());
            out.writeBoolean(p.fatal());
        }
        out.writeLong(s.problemsTotal());
    }

    static RunStats read(DataInputStream in, String name, PartialBudget budget) throws IOException {
        RunStats s = new RunStats();
        int inputs = PartialAuditFormat.count(in, name, "inputs", budget);
        for (int i = 0; i < inputs; i++) {
            RunStats.InputStats is = s.input(PartialAuditFormat.str(in, name, budget));
            is.packets = in.readLong();
            is.problems = in.readLong();
            is.error = PartialAuditFormat.str(in, name, budget);
            is.readCompletely = in.readBoolean();
            int notes = PartialAuditFormat.count(in, name, "notes", budget);
            for (int j = 0; j < notes; j++) {
                is.notes.add(PartialAuditFormat.str(in, name, budget));
            }
        }
        s.packets = in.readLong();
        s.bytes = in.readLong();
        s.ipPackets = in.readLong();
        s.nonIpPackets = in.readLong();
        s.fragments = in.readLong();
        s.firstNanos = in.readLong();
        s.lastNanos = in.readLong();
        int tunnels = PartialAuditFormat.count(in, name, "tunnels", budget);
        for (int i = 0; i < tunnels; i++) {
            s.tunnels.add(new TunnelStats.Tunnel(PartialAuditFormat.str(in, name, budget), PartialAuditFormat.str(in, name, budget), PartialAuditFormat.str(in, name, budget), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong()));
        }
        s.tunnels.addUnlisted(in.readLong());
        Map<String, Long> undecodable = new TreeMap<>();
        int u = PartialAuditFormat.count(in, name, "undecodable", budget);
        for (int i = 0; i < u; i++) {
            undecodable.put(PartialAuditFormat.str(in, name, budget), in.readLong());
        }
        Map<Integer, Long> linkTypes = new TreeMap<>();
        int l = PartialAuditFormat.count(in, name, "link types", budget);
        for (int i = 0; i < l; i++) {
            linkTypes.put(in.readInt(), in.readLong());
        }
        List<CaptureProblem> problems = new ArrayList<>();
        int p = PartialAuditFormat.count(in, name, "problems", budget);
        for (int i = 0; i < p; i++) {
            String source = PartialAuditFormat.str(in, name, budget);
            long packet = in.readLong();
            String kind = PartialAuditFormat.str(in, name, budget);
            CaptureProblem.Kind k = CaptureProblem.Kind.of(kind)
                    .orElseThrow(() -> new IOException(name + ": damaged partial audit: a capture problem of kind " + kind));
            problems.add(new CaptureProblem(source, packet, k, PartialAuditFormat.str(in, name, budget), in.readBoolean()));
        }
        s.restore(undecodable, linkTypes, problems, in.readLong());
        return s;
    }
}
