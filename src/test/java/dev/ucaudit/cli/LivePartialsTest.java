package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.inventory.Inventory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A period whose partial cannot be written costs that period its partial.bin.gz, said once, and nothing else. */
class LivePartialsTest {
    @Test
    void aPeriodWhosePartialCannotBeWrittenIsSaidAndTheNextPeriodIsRecorded(@TempDir Path tmp) throws Exception {
        Catalog catalog = new CatalogLoader().load(List.of());
        StringWriter err = new StringWriter();
        LivePartials partials = new LivePartials(AuditConfig.of(catalog, Inventory.empty(catalog.roles())),
                "2026-11-02T09:00:00.000Z lo", "lo", new PrintWriter(err, true));
        Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "");
        partials.start(notAFolder, null);
        new PcapFileSource(Path.of("captures/lab-site.pcap")).run(partials);
        assertNull(partials.end(tmp.resolve("period-1")), "nothing to move into the report");
        assertTrue(err.toString().startsWith("ucaudit: " + tmp.resolve("period-1").resolve(AuditSession.PARTIAL)
                + " could not be written (") && err.toString().contains("that period cannot be merged; capture goes on"), err.toString());

        Path folder = Files.createDirectories(tmp.resolve("out"));
        partials.start(folder, null);
        new PcapFileSource(Path.of("captures/lab-site.pcap")).run(partials);
        Path file = partials.end(tmp.resolve("period-2"));
        assertEquals(folder, file.getParent());
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(246, PartialAudit.read(in, file.toString()).packets(), "the lab-site capture's packets");
        }
        partials.start(folder, null);
        partials.discard();
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(List.of(file), s.toList(), "the discarded period's file is gone");
        }
        assertTrue(err.toString().contains(notAFolder + ": already exists"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
