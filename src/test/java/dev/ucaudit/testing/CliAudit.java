package dev.ucaudit.testing;

import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Wire;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The set-up command-line tests repeat, beside {@link EngineHarness} (which runs the engine without the
 * command line): write a capture of synthetic traffic, write an inventory, run {@code ucaudit audit} on
 * it ({@link Cli}), read flows.csv back.
 *
 * <pre>
 * Path pcap = CliAudit.capture(dir.resolve("tftp.pcap"), w -&gt; w.udp(PHONE, 50001, CUCM, 69, Messages.tftpReadRequest("a")));
 * Cli r = CliAudit.audit(dir.resolve("r"), pcap.toString(), "--inventory", inventory.toString());
 * List&lt;CSVRecord&gt; flows = CliAudit.flows(dir.resolve("r"));
 * </pre>
 */
public final class CliAudit {
    /** When synthetic captures start: 2023-11-14T22:13:20Z. */
    public static final long START_NANOS = 1_700_000_000_000_000_000L;
    private static final int LINKTYPE_ETHERNET = 1;

    /** What a test sends on the wire of its capture. */
    @FunctionalInterface
    public interface Traffic {
        void send(Wire w) throws Exception;
    }

    private CliAudit() {
    }

    /** Writes a pcap (Ethernet, microseconds) of what {@code traffic} sends, starting at {@link #START_NANOS}. */
    public static Path capture(Path file, Traffic traffic) throws Exception {
        try (Wire w = new Wire(PcapWriter.create(file, LINKTYPE_ETHERNET, false), START_NANOS)) {
            traffic.send(w);
        }
        return file;
    }

    /** Writes an inventory file of these CSV lines (header first). */
    public static Path inventory(Path file, String csv) throws IOException {
        Files.writeString(file, csv);
        return file;
    }

    /** Runs {@code ucaudit audit OPTIONS... --out OUT CAPTURE} in process. */
    public static Cli audit(Path out, String capture, String... options) {
        List<String> args = new ArrayList<>();
        args.add("audit");
        args.addAll(List.of(options));
        args.add("--out");
        args.add(out.toString());
        args.add(capture);
        return Cli.run(args.toArray(String[]::new));
    }

    /** The rows of a report folder's flows.csv, by column name. */
    public static List<CSVRecord> flows(Path report) throws IOException {
        try (Reader r = Files.newBufferedReader(report.resolve("flows.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
