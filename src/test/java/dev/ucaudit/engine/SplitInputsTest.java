package dev.ucaudit.engine;

import dev.ucaudit.testing.OnPublicCaptures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One observation window in several files: the packets of a capture cut into N parts (N = 2..8) at
 * random packet boundaries (fixed seeds) and read by one engine part after part give the report of
 * the whole in one file: flows.csv, conversations.csv, unused.csv and summary.json (without what
 * names or counts the inputs themselves: generated_at, inputs, and problems, which are reported once
 * per input and link type, and where each piece of learned-role evidence was seen: input and packet
 * number). Flows and pinholes that cross a part boundary are joined because one engine reads all parts. This is the reference that split-and-merge (docs/engine.md) must equal.
 *
 * <p>Inputs: the lab-site capture, a generated media-heavy capture, and every capture in
 * /work/shared/captures/public/ (skipped, and said so, when that folder is absent). Each capture's
 * packets are written again as pcapng (one interface per link type, nanosecond times), whole and in
 * parts, so damage in the original costs the same in both.
 */
class SplitInputsTest {
    @TempDir
    Path dir;

    @Test
    void labAndMediaHeavySplitAnywhereGiveTheWholeReport() throws Exception {
        SplitCaptures.labAndMediaHeavy(dir, 1, this::checkSplits);
    }

    @OnPublicCaptures
    @Test
    void everyPublicCaptureSplitAnywhereGivesTheWholeReport() throws Exception {
        SplitCaptures.everyPublicCapture("SplitInputsTest", 3, this::checkSplits);
    }

    private void checkSplits(Path capture, AuditConfig config, long seed) throws Exception {
        List<SplitCaptures.Packet> packets = SplitCaptures.readAll(capture);
        Map<String, String> whole = report(config, List.of(SplitCaptures.write(dir, packets, "whole", 0, packets.size())));
        Random random = new Random(seed);
        for (int n = 2; n <= 8 && n <= packets.size(); n++) {
            int[] cuts = SplitCaptures.cuts(random, n, packets.size());
            Map<String, String> split = report(config, SplitCaptures.writeParts(dir, packets, "part" + n, cuts));
            for (String file : whole.keySet()) {
                assertEquals(whole.get(file), split.get(file), capture.getFileName() + " cut at " + Arrays.toString(cuts)
                        + " into " + n + " parts: " + file + " differs from the whole capture's");
            }
        }
    }

    /** The report files of one engine reading {@code inputs} in order, without what names the inputs. */
    private Map<String, String> report(AuditConfig config, List<Path> inputs) throws Exception {
        AuditEngine engine = new AuditEngine(config, AuditListener.SILENT);
        for (Path input : inputs) {
            engine.read(input.toString(), () -> CaptureFiles.open(input), (source, sink) -> sink);
        }
        return SplitCaptures.reportFiles(dir, config, engine.finish(), List.of("generated_at", "inputs", "problems",
                "roles_observed/evidence/where"));
    }
}
