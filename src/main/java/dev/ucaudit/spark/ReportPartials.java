package dev.ucaudit.spark;

import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.engine.PartialBudget;
import dev.ucaudit.engine.RecordedOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Reads the report folders' partial audits on the driver, each as one stream from its file system
 * (no local copy), checked by {@link PartialAudit#read}: a damaged, cut or foreign file stops the job
 * before any capture is read. A file whose bytes are those of one read before (the {@code latest}
 * link of a live run's folder, which Hadoop's listing follows, or a copy of a period) is read once.
 */
public final class ReportPartials {
    /** Bytes asked of the file system at a time. */
    private static final int READ_BUFFER = 1 << 20;

    /**
     * A partial audit left out because another one found had the same bytes.
     *
     * @param name   the one left out
     * @param sameAs the one read
     */
    public record Duplicate(String name, String sameAs) {
        /** The partial of a {@code live --rotate} folder's {@code latest} link (or of a copy of it): always a period's again. */
        public boolean latestLink() {
            return name.equals("latest/" + CaptureListing.PARTIAL) || name.endsWith("/latest/" + CaptureListing.PARTIAL);
        }
    }

    /**
     * @param partials   the partial audits read, one per distinct file
     * @param names      how messages name each of them
     * @param duplicates the files left out as repeats of another
     * @param bytes      the size of the files read
     */
    record Read(List<PartialAudit> partials, List<String> names, List<Duplicate> duplicates, long bytes) {
        /** What the partials were recorded with (all alike: {@link #read} refused a mix); empty when there are none. */
        Optional<RecordedOptions> recorded() {
            return partials.isEmpty() ? Optional.empty() : partials.get(0).options();
        }

        /**
         * The partials as this run classifies them, recorded with what it {@code uses}: an inventory or limits given
         * anew classify them, as in merge.
         *
         * @throws CaptureException when an option that decided which bytes they kept differs from what the run uses,
         *                          or they were recorded with an inventory and the run has none
         */
        Read joining(RecordedOptions used) throws CaptureException {
            if (partials.isEmpty()) {
                return this;
            }
            String diff = partials.get(0).options().flatMap(o -> o.cannotJoin(used, names.get(0), "this spark run")).orElse(null);
            if (diff != null) {
                throw new CaptureException(diff + ": a report recorded with other options cannot join this audit;"
                        + " give spark the options it was recorded with", null);
            }
            return new Read(partials.stream().map(p -> p.recordedWith(used)).toList(), names, duplicates, bytes);
        }
    }

    private ReportPartials() {
    }

    /**
     * Reads every report's partial audit, in the order of their names (so a period's folder before a {@code latest} link
     * to it).
     *
     * @throws CaptureException when one cannot be read, or two were recorded with different options (the first difference named)
     */
    static Read read(Configuration conf, List<ReportPartial> reports) throws CaptureException {
        PartialBudget budget = PartialBudget.ofHeap();
        List<ReportPartial> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(ReportPartial::name, NaturalOrder.INSTANCE));
        Map<String, String> readByDigest = new LinkedHashMap<>();
        List<PartialAudit> partials = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        long bytes = 0;
        for (ReportPartial report : sorted) {
            MessageDigest digest = sha256();
            PartialAudit partial = readOne(conf, report, digest, budget);
            if (!partials.isEmpty()) {
                RecordedOptions first = partials.get(0).options().orElseThrow();
                String diff = first.firstDifference(partial.options().orElseThrow(), names.get(0), report.name(), null).orElse(null);
                if (diff != null) {
                    throw new CaptureException(diff + ": partials recorded with different options cannot give one audit's report;"
                            + " audit their captures again with the same options", null);
                }
            }
            String sameAs = readByDigest.putIfAbsent(HexFormat.of().formatHex(digest.digest()), report.name());
            if (sameAs == null) {
                partials.add(partial);
                names.add(report.name());
                bytes += report.size();
            } else {
                duplicates.add(new Duplicate(report.name(), sameAs));
            }
        }
        return new Read(partials, names, duplicates, bytes);
    }

    private static PartialAudit readOne(Configuration conf, ReportPartial report, MessageDigest digest, PartialBudget budget)
            throws CaptureException {
        Path path = new Path(report.path());
        try (InputStream in = new DigestInputStream(HadoopCaptures.reading(path.getFileSystem(conf)).open(path, READ_BUFFER), digest)) {
            PartialAudit partial = PartialAudit.read(in, report.name(), budget);
            in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
            return partial;
        } catch (FileNotFoundException e) {
            throw new CaptureException(report.name() + " does not exist (any more: it was listed when the job started)", e);
        } catch (AccessControlException e) {
            throw new CaptureException(report.name() + " cannot be read: permission denied", e);
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new CaptureException(message.startsWith(report.name() + ":") ? message
                    : report.name() + " cannot be read: " + CaptureListing.firstLine(e), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
