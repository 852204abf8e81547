package dev.ucaudit.engine;

import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.decode.Decapsulation;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import dev.ucaudit.report.CsvReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine used as a library: no command line, problems heard by the caller's listener. */
class AuditEngineTest {
    private static final Path LAB = Path.of("captures/lab-site.pcap");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/lab-site");

    @TempDir
    Path dir;

    /** Collects what the engine tells its caller. */
    private static final class Heard implements AuditListener {
        final List<CaptureProblem> problems = new ArrayList<>();
        final List<String> failedInputs = new ArrayList<>();

        @Override
        public void problem(CaptureProblem problem) {
            problems.add(problem);
        }

        @Override
        public void inputFailed(String source, String message) {
            failedInputs.add(source + ": " + message);
        }
    }

    private static AuditConfig labConfig() {
        Catalog catalog = new CatalogLoader().load(List.of());
        InventoryLoader loader = new InventoryLoader();
        Inventory inventory = loader.load(Path.of("captures/lab-site-inventory.csv"), catalog.roles());
        assertEquals(List.of(), loader.problems());
        return AuditConfig.of(catalog, inventory);
    }

    @Test
    void theEngineAloneGivesTheGoldenReport() throws Exception {
        Heard heard = new Heard();
        AuditEngine engine = new AuditEngine(labConfig(), heard);
        assertTrue(engine.read(LAB.toString(), () -> CaptureFiles.open(LAB), (source, sink) -> sink));
        AuditOutcome outcome = engine.finish();
        CsvReports.writeFlows(dir.resolve("flows.csv"), outcome.result().rows());
        CsvReports.writeConversations(dir.resolve("conversations.csv"), outcome.result().conversations());
        CsvReports.writeUnused(dir.resolve("unused.csv"), outcome.unused());
        for (String name : List.of("flows.csv", "conversations.csv", "unused.csv")) {
            assertEquals(Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve(name), StandardCharsets.UTF_8), name);
        }
        assertEquals(List.of(), heard.problems, "a clean capture: nothing to tell");
        assertEquals(List.of(), heard.failedInputs);
        assertFalse(outcome.inspection().isEmpty(), "inspection was on");
    }

    @Test
    void problemsAndUnreadableInputsGoToTheListenerAndTheRunGoesOn() throws Exception {
        byte[] lab = Files.readAllBytes(LAB);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(lab, lab.length - 7)); // the last record loses its end
        Path missing = dir.resolve("missing.pcap");
        Heard heard = new Heard();
        AuditEngine engine = new AuditEngine(labConfig(), heard);

        assertFalse(engine.read(missing.toString(), () -> CaptureFiles.open(missing), (source, sink) -> sink));
        assertTrue(engine.read(cut.toString(), () -> CaptureFiles.open(cut), (source, sink) -> sink));
        AuditOutcome outcome = engine.finish();

        assertEquals(1, heard.failedInputs.size(), heard.failedInputs.toString());
        assertTrue(heard.failedInputs.get(0).startsWith(missing.toString()), heard.failedInputs.toString());
        assertEquals(1, heard.problems.size(), heard.problems.toString());
        assertEquals(cut.toString(), heard.problems.get(0).source());
        assertEquals(outcome.stats().problemsTotal(), heard.problems.size(), "every problem heard is counted");
        assertEquals(2, outcome.stats().inputs().size());
        assertTrue(outcome.result().flows() > 0, "the damaged input's packets before the damage were audited");
    }

    @Test
    void periodsCutFromOneRunAddUpToTheRun() throws Exception {
        AuditEngine single = new AuditEngine(labConfig(), AuditListener.SILENT);
        single.read(LAB.toString(), () -> CaptureFiles.open(LAB), (source, sink) -> sink);
        AuditOutcome whole = single.finish();

        AuditEngine engine = new AuditEngine(labConfig(), AuditListener.SILENT);
        List<AuditOutcome> periods = new ArrayList<>();
        engine.read(LAB.toString(), () -> CaptureFiles.open(LAB), (source, sink) -> new dev.ucaudit.packet.PacketSink() {
            long seen;

            @Override
            public void packet(dev.ucaudit.packet.RawPacket packet) {
                if (++seen % 100 == 0) {
                    periods.add(engine.cutPeriod());
                }
                sink.packet(packet);
            }

            @Override
            public void problem(CaptureProblem problem) {
                sink.problem(problem);
            }
        });
        periods.add(engine.finish());

        assertEquals(3, periods.size(), "246 packets cut every 100");
        assertEquals(whole.stats().packets(), periods.stream().mapToLong(o -> o.stats().packets()).sum());
        assertEquals(packetsInRows(whole), periods.stream().mapToLong(AuditEngineTest::packetsInRows).sum(),
                "a flow open across a cut is reported in each period with that period's packets");
        assertTrue(periods.stream().mapToLong(o -> o.result().flows()).sum() > whole.result().flows(),
                "flows open across a cut appear in more than one period");
    }

    private static long packetsInRows(AuditOutcome o) {
        return o.result().rows().stream().mapToLong(dev.ucaudit.audit.FlowRecord::packets).sum();
    }

    @Test
    void settingsRefuseLimitsThatCannotWork() {
        AuditSettings.Builder b = labConfig().settings().toBuilder();
        assertThrows(IllegalArgumentException.class, () -> b.idleTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> AuditSettings.builder().maxFlows(0).build());
        assertThrows(IllegalArgumentException.class, () -> AuditSettings.builder().maxConversations(-1).build());
        assertEquals(Duration.ofSeconds(30), AuditSettings.builder().idleTimeout(Duration.ofSeconds(30)).build().idleTimeout());
        assertFalse(labConfig().with(AuditSettings.builder().inspection(false).build()).settings().inspection());
    }

    /** The one form of the settings: what a partial records reads back as the same settings, whatever they are. */
    @Test
    void settingsReadBackFromWhatAPartialRecords() {
        AuditSettings odd = AuditSettings.builder().idleTimeout(Duration.ofSeconds(61)).maxFlows(7).maxFlowRows(8)
                .listScanFlows(true).maxConversations(9).inspection(false).probing(false)
                .decapsulation(new Decapsulation(true, new int[] {4790, 8472}))
                .pinholeLifetime(Duration.ofSeconds(17)).build();
        for (AuditSettings s : List.of(odd, AuditSettings.DEFAULTS, AuditSettings.builder()
                .decapsulation(Decapsulation.NONE).build())) {
            assertEquals(s, AuditSettings.fromRecorded(s.recorded(), AuditSettings.DEFAULTS));
            assertEquals(s, RecordedOptions.of(labConfig().with(s)).settings(AuditSettings.DEFAULTS));
        }
        assertEquals(List.of("inspection", "probing", "decapsulate", "vxlan-port", "idle-timeout", "pinhole-lifetime", "max-flows",
                "max-flow-rows", "max-conversations", "list-scan-flows"), List.copyOf(odd.recorded().keySet()),
                "the order partials record (format 2): a change here changes partial.bin.gz");
    }
}
