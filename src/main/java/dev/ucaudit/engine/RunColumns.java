package dev.ucaudit.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A part's {@link Runs} in {@link PartialAuditFormat}: columns, each value a varint of the zigzag of
 * its difference from a neighbour (the run before, or the same run's other time), so that runs of
 * one flow's steady media cost a few bytes before gzip. Reading checks what a value can be on its
 * own (counts, lengths); {@link PartialChecks} checks runs against the part.
 */
final class RunColumns {
    private static final int MAX_RUNS = 1 << 24;

    private RunColumns() {
    }

    static void write(DataOutputStream out, Runs r) throws IOException {
        int n = r.count;
        out.writeInt(n);
        long prev = 0;
        for (int i = 0; i < n; i++) {
            var(out, r.ordinal[i] - prev);
            prev = r.ordinal[i];
        }
        prev = 0;
        for (int i = 0; i < n; i++) {
            var(out, r.lastNanos[i] - prev);
            prev = r.lastNanos[i];
        }
        for (int i = 0; i < n; i++) {
            var(out, r.lastNanos[i] - r.firstNanos[i]);
        }
        for (int i = 0; i < n; i++) {
            var(out, r.maxNanos[i] - r.lastNanos[i]);
        }
        for (int i = 0; i < n; i++) {
            var(out, r.clockNanos[i] - r.maxNanos[i]);
        }
        for (int i = 0; i < n; i++) {
            out.writeLong(r.addresses[i]);
        }
        for (int i = 0; i < n; i++) {
            out.writeInt(r.ports[i]);
        }
        for (int i = 0; i < n; i++) {
            var(out, r.packetsA[i]);
        }
        for (int i = 0; i < n; i++) {
            var(out, r.packetsB[i]);
        }
        for (int i = 0; i < n; i++) {
            var(out, r.bytesA[i]);
        }
        for (int i = 0; i < n; i++) {
            var(out, r.bytesB[i]);
        }
        for (int i = 0; i < n; i++) {
            var(out, r.payloads[i]);
        }
    }

    static Runs read(DataInputStream in, String name, PartialBudget budget) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > MAX_RUNS) {
            throw new IOException(name + ": damaged partial audit: " + n + " runs");
        }
        budget.take((long) n * Runs.BYTES_PER_RUN + 200, name);
        Runs r = new Runs(n);
        long prev = 0;
        for (int i = 0; i < n; i++) {
            prev += var(in, name);
            r.ordinal[i] = prev;
        }
        prev = 0;
        for (int i = 0; i < n; i++) {
            prev += var(in, name);
            r.lastNanos[i] = prev;
        }
        for (int i = 0; i < n; i++) {
            r.firstNanos[i] = r.lastNanos[i] - var(in, name);
        }
        for (int i = 0; i < n; i++) {
            r.maxNanos[i] = r.lastNanos[i] + var(in, name);
        }
        for (int i = 0; i < n; i++) {
            r.clockNanos[i] = r.maxNanos[i] + var(in, name);
        }
        for (int i = 0; i < n; i++) {
            r.addresses[i] = in.readLong();
        }
        for (int i = 0; i < n; i++) {
            r.ports[i] = in.readInt();
        }
        for (int i = 0; i < n; i++) {
            r.packetsA[i] = count(in, name);
        }
        for (int i = 0; i < n; i++) {
            r.packetsB[i] = count(in, name);
        }
        for (int i = 0; i < n; i++) {
            r.bytesA[i] = var(in, name);
        }
        for (int i = 0; i < n; i++) {
            r.bytesB[i] = var(in, name);
        }
        for (int i = 0; i < n; i++) {
            r.payloads[i] = count(in, name);
        }
        r.count = n;
        for (int i = 0; i < n; i++) {
            long packets = r.packets(i);
            if (packets < 1 || packets > Runs.MOST_PACKETS || r.bytesA[i] < 0 || r.bytesB[i] < 0 || r.payloads[i] > packets
                    || (i > 0 && r.ordinal[i] <= r.ordinal[i - 1]) || r.maxNanos[i] < r.lastNanos[i] || r.maxNanos[i] < r.firstNanos[i]
                    || r.clockNanos[i] < r.maxNanos[i]) {
                throw new IOException(name + ": damaged partial audit: the run ending at packet " + r.ordinal[i] + " is impossible");
            }
        }
        return r;
    }

    private static int count(DataInputStream in, String name) throws IOException {
        long v = var(in, name);
        if (v < 0 || v > Runs.MOST_PACKETS) {
            throw new IOException(name + ": damaged partial audit: a run of " + v + " packets");
        }
        return (int) v;
    }

    private static void var(DataOutputStream out, long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7fL) != 0) {
            out.writeByte((int) (z & 0x7f) | 0x80);
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    private static long var(DataInputStream in, String name) throws IOException {
        long z = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            z |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new IOException(name + ": damaged partial audit: a number of more than 64 bits");
    }
}
