package dev.ucaudit.spark;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.engine.PhaseOne;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * What one Spark task does with its files: phase one of the audit ({@link AuditEngine#collect}) on
 * each, as inputs of one run named by its site's first file (as {@code audit --partial} names a run),
 * merged into one partial audit, which goes back to the driver in its binary form. A file
 * that cannot be opened or read at all is counted in the partial's run statistics with its reason,
 * as {@code ucaudit audit} counts it; damaged records are counted and listed there too.
 */
final class PartialTask {
    private PartialTask() {
    }

    /** Phase one on {@code files}, as inputs of the run named {@code run}: their merged partial audit, as shipped. */
    static byte[] partial(PhaseOne phaseOne, Configuration conf, String run, Iterator<CaptureFile> files) throws IOException {
        List<PartialAudit> read = new ArrayList<>();
        while (files.hasNext()) {
            CaptureFile file = files.next();
            read.add(phaseOne.collect(AuditListener.SILENT, run, file.sequence(), file.name(),
                    () -> HadoopCaptures.open(conf, file)));
        }
        PartialAudit partial = PartialAudit.mergeAll(read);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        partial.write(bytes);
        return bytes.toByteArray();
    }
}
