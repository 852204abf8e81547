package dev.ucaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong on a reader thread reaches the caller (audit --threads): a crash while reading
 * is thrown on the calling thread and the reader ends; an input that cannot be opened is counted
 * and the next is read, as {@link AuditEngine#read} does on one thread.
 */
class PipelinedReadTest {
    private static final Path LAB = Path.of("captures/lab-site.pcap");
    private final ExecutorService readers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws Exception {
        readers.shutdownNow();
        assertTrue(readers.awaitTermination(10, TimeUnit.SECONDS), "the reader threads end");
    }

    private static AuditConfig config() {
        Catalog catalog = new CatalogLoader().load(List.of());
        return AuditConfig.of(catalog, dev.ucaudit.inventory.Inventory.empty(catalog.roles()));
    }

    @Test
    void aCrashOnAReaderIsThrownOnTheCallingThread() {
        AuditEngine engine = new AuditEngine(config(), AuditListener.SILENT);
        BiFunction<dev.ucaudit.capture.PacketSource, PacketSink, PacketSink> crashAt100 = (source, sink) -> new PacketSink() {
            int n;

            @Override
            public void packet(RawPacket raw) {
                if (++n == 100) {
                    throw new IllegalStateException("decoder bug at packet 100");
                }
                sink.packet(raw);
            }

            @Override
            public void problem(CaptureProblem p) {
                sink.problem(p);
            }
        };
        List<AuditEngine.Input> inputs = List.of(new AuditEngine.Input("a", () -> CaptureFiles.open(LAB)),
                new AuditEngine.Input("b", () -> CaptureFiles.open(LAB)));
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, () -> engine.readPipelined(inputs, readers, 2, crashAt100)));
        assertEquals("decoder bug at packet 100", e.getMessage());
    }

    @Test
    void anInputThatCannotBeOpenedIsCountedAndTheNextIsRead() {
        AuditEngine piped = new AuditEngine(config(), AuditListener.SILENT);
        List<AuditEngine.Input> inputs = List.of(
                new AuditEngine.Input("missing.pcap", () -> {
                    throw new CaptureException("missing.pcap: no such file");
                }),
                new AuditEngine.Input("lab", () -> CaptureFiles.open(LAB)));
        List<Boolean> opened = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> piped.readPipelined(inputs, readers, 1, (source, sink) -> sink));
        assertEquals(List.of(false, true), opened);
        AuditEngine direct = new AuditEngine(config(), AuditListener.SILENT);
        for (AuditEngine.Input in : inputs) {
            direct.read(in.name(), in.opener(), (source, sink) -> sink);
        }
        assertEquals(direct.stats().packets(), piped.stats().packets());
        assertEquals("missing.pcap: no such file", piped.stats().inputs().get(0).error());
        assertEquals(direct.stats().inputs().get(1).packets(), piped.stats().inputs().get(1).packets());
        assertEquals(direct.finish().result().flows(), piped.finish().result().flows());
    }
}
