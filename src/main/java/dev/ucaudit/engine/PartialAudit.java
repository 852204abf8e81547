package dev.ucaudit.engine;

import dev.ucaudit.audit.RunStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What auditing a part of the packets yields before anything is classified: per input part, the
 * run statistics and the IP packets as {@link EventBlock}s (see {@link PartialRecorder} for which
 * keep their bytes). {@link #merge} is exact, associative and commutative: parts are kept in the
 * order (run, sequence, input name, first packet time: see {@link Part}), and {@link AuditEngine#classify} replays the
 * merged whole through the same flow table, inspection and classifier as one run, so a flow or a
 * pinhole crossing from one part into the next is joined as in one run. Immutable once built.
 */
public final class PartialAudit {
    /**
     * One input part: its place in the order, its counts, its packets. {@code group} keeps the inputs
     * of one run together (the name of the run's first input; empty for parts collected one by one),
     * {@code sequence} is the input's place in its run.
     */
    record Part(String group, long sequence, String name, RunStats stats, List<EventBlock> blocks) {
        Part {
            blocks = List.copyOf(blocks);
        }

        long firstNanos() {
            return stats.firstNanos;
        }
    }

    static final Comparator<Part> ORDER = Comparator.comparing(Part::group).thenComparingLong(Part::sequence)
            .thenComparing(Part::name)
            .thenComparingLong(Part::firstNanos).thenComparingLong(p -> p.stats().packets);

    private final List<Part> parts;

    PartialAudit(List<Part> parts) {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(ORDER);
        this.parts = List.copyOf(sorted);
    }

    /** Nothing read yet: the identity of {@link #merge}. */
    public static PartialAudit empty() {
        return new PartialAudit(List.of());
    }

    /**
     * Both parts' packets as one audit would read them: the inputs of one run in their order, runs
     * in the order of their first input's name; inputs collected one by one by their sequence.
     */
    public static PartialAudit merge(PartialAudit a, PartialAudit b) {
        List<Part> all = new ArrayList<>(a.parts);
        all.addAll(b.parts);
        return new PartialAudit(all);
    }

    List<Part> parts() {
        return parts;
    }

    /** Packets read in all parts (IP or not). */
    public long packets() {
        return parts.stream().mapToLong(p -> p.stats().packets).sum();
    }

    /** Packets kept with their whole frame, and the bytes of those frames (what a partial costs beyond its counts). */
    public long framesKept() {
        long n = 0;
        for (Part p : parts) {
            for (EventBlock b : p.blocks()) {
                for (int i = 0; i < b.count; i++) {
                    n += b.isFrame(i) ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** Writes the versioned binary form (gzip inside); see {@link PartialAuditFormat}. */
    public void write(OutputStream out) throws IOException {
        PartialAuditFormat.write(this, out);
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param name names the input in error messages
     * @throws IOException when the stream is not a partial audit of a version this build reads, or is cut short
     */
    public static PartialAudit read(InputStream in, String name) throws IOException {
        return PartialAuditFormat.read(in, name);
    }
}
