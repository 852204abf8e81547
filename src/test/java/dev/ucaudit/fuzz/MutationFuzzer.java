package dev.ucaudit.fuzz;

import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.Classifier;
import dev.ucaudit.inspect.SignallingInspection;
import dev.ucaudit.audit.UnusedOpenings;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.decode.DecodeStatus;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.decode.PacketDecoder;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Inspector;
import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.ProtocolRegistry;
import dev.ucaudit.inspect.RecordingContext;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import dev.ucaudit.report.AuditReport;
import dev.ucaudit.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded, reproducible mutation fuzzer over the three layers a hostile wire or disk reaches:
 *
 * <ol>
 *   <li>{@code file}: whole capture files (lab-site.pcap and small public pcap/pcapng captures, read
 *       in place) mutated — bit flips, byte sets, truncations, 16/32-bit length-field smashes, splices,
 *       chunk deletions and duplications, sometimes gzip-wrapped — then read by {@link PcapFileSource}
 *       into the real {@link Auditor} pipeline (decode, flows, signalling inspection, classification),
 *       and now and then written out as a report folder;</li>
 *   <li>{@code packet}: single frames from those captures mutated (and sometimes given another link
 *       type), decoded by {@link PacketDecoder} and fed to a running Auditor;</li>
 *   <li>{@code sip}, {@code sccp}, {@code h225}, {@code h245}, {@code mgcp}, {@code tftp}: payloads taken
 *       from the captures' signalling flows, mutated and fed to each inspector in up to three
 *       segments, in both directions, over TCP and UDP.</li>
 * </ol>
 *
 * Anything thrown out of those entry points is a crash: it is counted, its input is saved under
 * {@code target/fuzz-crashes/} and the run goes on. {@code main(iterations, seed)} prints a table.
 */
public final class MutationFuzzer {
    public static final List<String> TARGETS = List.of("file", "packet", "sip", "sccp", "h225", "h245", "mgcp", "tftp", "pcapng");
    /** The inspector targets among {@link #TARGETS}. */
    static final List<String> INSPECTORS = TARGETS.subList(2, 8);
    /** An input that takes longer than this is saved as a crash ("slow"): loops over input must be linear. */
    private static final long SLOW_NANOS = 5_000_000_000L;
    private static final Path PUBLIC = PublicCaptures.FOLDER;
    private static final List<String> PUBLIC_SEEDS = List.of("ndpi-skinny.pcap", "ndpi-sccp-hw-conf-register.pcapng",
            "tcpdump-tftp.pcap", "ndpi-mgcp.pcap", "ndpi-h323.pcap", "zeek-sip-rawip.pcap", "tcpdump-nanosec-sll.pcap",
            "heplify-sip-ipv6-udp.pcap", "ndpi-tftp.pcap", "zeek-ldap-ipv6-multi-idb.pcapng", "zeek-vlan-qinqinq.pcap", "pkts-sip-fragmented-udp.pcap");
    private static final int[] LINK_TYPES = {0, 1, 12, 14, 101, 108, 113, 228, 229, 239, 258, 276, 9999};
    private static final int[] SMASH = {0, 1, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000, 65536, 262145, 16, 24, 28, 32};

    /** A crash: target, iteration, what was thrown, and where the input was saved. */
    public record Crash(String target, long iteration, String thrown, Path input) {
    }

    /** Totals for one target. */
    public static final class Tally {
        public long inputs;
        public long crashes;
        public long packets;
        public long problems;
        public long nanos;
    }

    private final long seed;
    private final Path crashDir;
    private final Path work;
    private final Catalog catalog;
    private final Inventory inventory;
    private final List<byte[]> files = new ArrayList<>();
    /** Generated pcapng files (several interfaces, damaged blocks, fake 16 MiB headers). */
    private final List<byte[]> pcapngSeeds = new ArrayList<>();
    /** TCP reassembly budget shared by every inspector input (256 KiB: small, so drops happen). */
    private final dev.ucaudit.inspect.stream.BufferBudget buffers = new dev.ucaudit.inspect.stream.BufferBudget(256 * 1024);
    private final ProtocolRegistry registry = ProtocolRegistry.standard();
    private final List<RawFrame> frames = new ArrayList<>();
    private final Map<String, List<byte[]>> payloads = new LinkedHashMap<>();
    public final Map<String, Tally> tallies = new LinkedHashMap<>();
    public final List<Crash> crashes = new ArrayList<>();

    private record RawFrame(int linkType, byte[] bytes) {
    }

    public MutationFuzzer(long seed, Path crashDir) throws IOException {
        this.seed = seed;
        this.crashDir = crashDir;
        this.work = Files.createTempDirectory("ucaudit-fuzz-");
        CatalogLoader loader = new CatalogLoader();
        this.catalog = loader.load(List.of());
        this.inventory = new InventoryLoader().load(Path.of("captures/lab-site-inventory.csv"), catalog.roles());
        TARGETS.forEach(t -> tallies.put(t, new Tally()));
        List<Path> seeds = new ArrayList<>();
        seeds.add(Path.of("captures/lab-site.pcap"));
        for (String s : PUBLIC_SEEDS) {
            if (Files.exists(PUBLIC.resolve(s))) {
                seeds.add(PUBLIC.resolve(s));
            }
        }
        for (Path p : seeds) {
            files.add(Files.readAllBytes(p));
        }
        for (String t : INSPECTORS) {
            payloads.put(t, new ArrayList<>());
        }
        for (Path p : seeds) {
            collect(p);
        }
        Path mix = PUBLIC.resolve("heplify-sip-rtp-mgcp-h225-mix.pcap");
        if (Files.exists(mix)) {
            collect(mix);
        }
        builtInSeeds();
        generatedSeeds();
    }

    /** Remembers every frame (for packet mutation) and the payloads of signalling flows (per inspector). */
    private void collect(Path capture) {
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket d = new DecodedPacket();
        try (PcapFileSource src = new PcapFileSource(capture)) {
            src.run(new PacketSink() {
                @Override
                public void packet(RawPacket raw) {
                    byte[] copy = Arrays.copyOfRange(raw.data, raw.offset, raw.offset + raw.length);
                    if (frames.size() < 20_000) {
                        frames.add(new RawFrame(raw.linkType, copy));
                    }
                    if (decoder.decode(raw, d) != DecodeStatus.IP || d.payloadLength <= 0) {
                        return;
                    }
                    byte[] pl = Arrays.copyOfRange(raw.data, d.payloadOffset, d.payloadOffset + d.payloadLength);
                    String t = inspectorFor(d.protocol, d.srcPort, d.dstPort);
                    if (t != null && payloads.get(t).size() < 400) {
                        payloads.get(t).add(pl);
                    }
                }

                @Override
                public void problem(CaptureProblem problem) {
                }
            });
        } catch (CaptureException e) {
            // a seed that does not read is simply not a seed
        }
    }

    private static String inspectorFor(int proto, int sp, int dp) {
        int lo = Math.min(sp, dp);
        if (sp == 5060 || dp == 5060 || sp == 5061 || dp == 5061) {
            return "sip";
        }
        if (proto == 6 && (sp == 2000 || dp == 2000)) {
            return "sccp";
        }
        if (sp == 1720 || dp == 1720 || sp == 1719 || dp == 1719) {
            return "h225";
        }
        if (sp == 2427 || dp == 2427 || sp == 2727 || dp == 2727) {
            return "mgcp";
        }
        if (proto == 17 && (sp == 69 || dp == 69)) {
            return "tftp";
        }
        if (proto == 6 && lo > 1024 && sp != 2000 && dp != 2000 && sp != 5060 && dp != 5060) {
            return "h245";
        }
        return null;
    }

    private void builtInSeeds() {
        payloads.get("sip").add(dev.ucaudit.inspect.sip.SipInspectorTest.INVITE.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        payloads.get("sccp").add(dev.ucaudit.inspect.sccp.SccpInspectorTest.hex(dev.ucaudit.inspect.sccp.SccpInspectorTest.SMT_V6
                + dev.ucaudit.inspect.sccp.SccpInspectorTest.ACK_BASIC + dev.ucaudit.inspect.sccp.SccpInspectorTest.ACK_V17));
        payloads.get("h225").add(dev.ucaudit.inspect.h323.H225InspectorTest.connect());
        payloads.get("h245").add(dev.ucaudit.inspect.h323.H225InspectorTest.olcAck());
        payloads.get("mgcp").add(("CRCX 1 a@b MGCP 1.0\r\nC: 1\r\n\r\nv=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4 RTP/AVP 0\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        payloads.get("tftp").add("\0\u0001SEP00.cnf.xml\0octet\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        payloads.get("tftp").add("\0\u0002SEP00.cnf.xml\0netascii\0blksize\0001428\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * Inputs from our own generators: SIP INVITEs with long Call-IDs and many m= lines (the pinhole
     * flood), a half-sent INVITE over TCP, and pcapng files with several interfaces, a damaged block
     * and fake 16 MiB block headers (the resynchronisation attack).
     */
    private void generatedSeeds() throws IOException {
        for (int[] v : new int[][] {{40, 1}, {1_000, 8}, {15_000, 64}, {200, 64}}) {
            StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 1 IN IP4 10.20.0.1\r\ns=c\r\nc=IN IP4 10.20.0.1\r\nt=0 0\r\n");
            for (int m = 0; m < v[1]; m++) {
                sdp.append("m=audio ").append(dev.ucaudit.synth.SignallingFloods.mediaPort(m)).append(" RTP/AVP 0\r\n");
            }
            payloads.get("sip").add(dev.ucaudit.synth.Messages.sipRequest("INVITE", "sip:b@cucm", "sip:a@cucm", "sip:b@cucm",
                    dev.ucaudit.synth.SignallingFloods.callId(v[0], v[0]), 1, "10.20.0.1:5060", sdp.toString()));
        }
        payloads.get("sip").add(("INVITE sip:b@cucm SIP/2.0\r\nCall-ID: half\r\nContent-Type: application/sdp\r\nContent-Length: 40000\r\n\r\n"
                + "v=0\r\n" + "a=x\r\n".repeat(2_000)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (int junk : new int[] {0, 64, 4_096}) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (dev.ucaudit.capture.PcapngWriter w = new dev.ucaudit.capture.PcapngWriter(bo)) {
                int eth = w.addInterface(1);
                int sll = w.addInterface(113, 0, dev.ucaudit.capture.PcapngWriter.NANOS);
                for (int i = 0; i < 6; i++) {
                    w.writePacket(i % 2 == 0 ? eth : sll, 1_700_000_000_000_000_000L + i * 1_000_000L, frames.isEmpty()
                            ? new byte[60] : frames.get(i % frames.size()).bytes());
                    if (i == 2 && junk > 0) {
                        w.flush();
                        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + junk).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                        b.putInt(6).putInt(13);
                        while (b.remaining() >= 8) {
                            b.putInt(6).putInt(16 << 20);
                        }
                        bo.write(b.array());
                    }
                }
            }
            pcapngSeeds.add(bo.toByteArray());
        }
    }

    public int seedFiles() {
        return files.size();
    }

    public int seedFrames() {
        return frames.size();
    }

    public Map<String, Integer> seedPayloads() {
        Map<String, Integer> m = new LinkedHashMap<>();
        payloads.forEach((k, v) -> m.put(k, v.size()));
        return m;
    }

    // ---------------------------------------------------------------- mutation

    /** One to {@code maxOps} mutations of a copy of {@code in}; {@code other} feeds splices. */
    static byte[] mutate(Random r, byte[] in, byte[] other, int maxOps) {
        byte[] b = in.clone();
        int ops = 1 + r.nextInt(maxOps);
        for (int i = 0; i < ops; i++) {
            if (b.length == 0) {
                b = new byte[1 + r.nextInt(64)];
                r.nextBytes(b);
                continue;
            }
            int at = r.nextInt(b.length);
            switch (r.nextInt(10)) {
                case 0, 1 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 2 -> b[at] = (byte) r.nextInt(256);
                case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncate
                case 4, 5 -> { // length-field smash, 16 or 32 bits, either byte order
                    int v = SMASH[r.nextInt(SMASH.length)];
                    if (r.nextInt(4) == 0) {
                        v = r.nextInt();
                    }
                    boolean wide = r.nextBoolean();
                    int n = wide ? 4 : 2;
                    boolean le = r.nextBoolean();
                    for (int k = 0; k < n && at + k < b.length; k++) {
                        int shift = 8 * (le ? k : n - 1 - k);
                        b[at + k] = (byte) (v >>> shift);
                    }
                }
                case 6 -> { // splice: overwrite with a chunk of the other input
                    if (other.length > 0) {
                        int from = r.nextInt(other.length);
                        int len = Math.min(r.nextInt(256) + 1, Math.min(other.length - from, b.length - at));
                        System.arraycopy(other, from, b, at, len);
                    }
                }
                case 7 -> { // delete a chunk
                    int len = Math.min(r.nextInt(64) + 1, b.length - at);
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 8 -> { // duplicate a chunk
                    int len = Math.min(r.nextInt(128) + 1, b.length - at);
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                default -> { // insert random bytes
                    int len = r.nextInt(16) + 1;
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at);
                    byte[] rnd = new byte[len];
                    r.nextBytes(rnd);
                    System.arraycopy(rnd, 0, c, at, len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }

    // ---------------------------------------------------------------- targets

    /** Runs {@code iterations} inputs spread over the targets (files get a smaller share: each is a whole capture). */
    public void run(long iterations) throws IOException {
        Map<String, Long> share = new LinkedHashMap<>();
        long files = Math.max(1, iterations / 10);
        long packets = Math.max(1, iterations * 3 / 10);
        long rest = Math.max(6, iterations - files - packets);
        share.put("file", files);
        share.put("packet", packets);
        for (String t : INSPECTORS) {
            share.put(t, rest / 6);
        }
        share.put("pcapng", Math.max(1, iterations / 20));
        for (Map.Entry<String, Long> e : share.entrySet()) {
            runTarget(e.getKey(), e.getValue());
        }
    }

    public void runTarget(String target, long n) throws IOException {
        Random r = new Random(seed ^ target.hashCode());
        Tally t = tallies.get(target);
        long start = System.nanoTime();
        switch (target) {
            case "file" -> {
                for (long i = 0; i < n; i++) {
                    fileInput(r, i, t);
                }
            }
            case "packet" -> packetInputs(r, n, t);
            case "pcapng" -> {
                for (long i = 0; i < n; i++) {
                    pcapngInput(r, i, t);
                }
            }
            default -> {
                for (long i = 0; i < n; i++) {
                    inspectorInput(target, r, i, t);
                }
            }
        }
        t.nanos += System.nanoTime() - start;
    }

    private void fileInput(Random r, long i, Tally t) throws IOException {
        byte[] seedBytes = files.get(r.nextInt(files.size()));
        byte[] other = files.get(r.nextInt(files.size()));
        byte[] b = mutate(r, seedBytes, other, 12);
        if (r.nextInt(20) == 0) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
                gz.write(b);
            }
            b = bo.toByteArray();
            if (r.nextBoolean()) {
                b = mutate(r, b, b, 2);
            }
        }
        Path file = work.resolve("input.pcap");
        Files.write(file, b);
        t.inputs++;
        try {
            Auditor a = auditor();
            PacketSink counting = new PacketSink() {
                @Override
                public void packet(RawPacket packet) {
                    t.packets++;
                    a.packet(packet);
                }

                @Override
                public void problem(CaptureProblem problem) {
                    t.problems++;
                    problem.describe();
                    a.problem(problem);
                }
            };
            try (PcapFileSource src = new PcapFileSource(file, "fuzz-" + i + ".pcap")) {
                src.run(counting);
            } catch (CaptureException e) {
                t.problems++;
            }
            a.finish();
            if (i % 100 == 0) {
                AuditReport report = new AuditReport("offline", catalog, List.of(), inventory, List.of(), a.stats().counts(), a.result(),
                        UnusedOpenings.find(catalog, inventory, a.result()), a.inspection().stats(), Map.of(),
                        a.flowsEvictedIdle(), a.flowsEvictedSize(), List.of("undocumented"), 1, 0L);
                ReportWriter.write(work.resolve("report"), report);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            crash("file", i, e, b, t);
        }
    }

    /** A mutated generated pcapng through the built-in reader alone (resynchronisation), timed. */
    private void pcapngInput(Random r, long i, Tally t) throws IOException {
        byte[] b = mutate(r, pcapngSeeds.get(r.nextInt(pcapngSeeds.size())), pcapngSeeds.get(r.nextInt(pcapngSeeds.size())), 8);
        Path file = work.resolve("input.pcapng");
        Files.write(file, b);
        t.inputs++;
        long start = System.nanoTime();
        try {
            try (PcapFileSource src = new PcapFileSource(file, "fuzz-" + i + ".pcapng")) {
                src.run(new PacketSink() {
                    @Override
                    public void packet(RawPacket packet) {
                        t.packets++;
                    }

                    @Override
                    public void problem(CaptureProblem problem) {
                        t.problems++;
                        problem.describe();
                    }
                });
            } catch (CaptureException e) {
                t.problems++;
            }
        } catch (Throwable e) {
            crash("pcapng", i, e, b, t);
            return;
        }
        long took = System.nanoTime() - start;
        if (took > SLOW_NANOS) {
            crash("pcapng", i, new IllegalStateException("slow: " + took / 1_000_000 + " ms for " + b.length + " bytes"), b, t);
        }
    }

    private Auditor auditor() {
        return new Auditor(new Classifier(catalog, inventory), new SignallingInspection(catalog, inventory, Duration.ofMinutes(5)),
                new AuditResult(10_000), 100_000, Duration.ofSeconds(300), dev.ucaudit.audit.AuditListener.SILENT);
    }

    private void packetInputs(Random r, long n, Tally t) throws IOException {
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket d = new DecodedPacket();
        RawPacket raw = new RawPacket();
        Auditor a = auditor();
        long ts = 1_700_000_000_000_000_000L;
        for (long i = 0; i < n; i++) {
            RawFrame f = frames.get(r.nextInt(frames.size()));
            RawFrame o = frames.get(r.nextInt(frames.size()));
            byte[] b = mutate(r, f.bytes(), o.bytes(), 6);
            int link = r.nextInt(16) == 0 ? LINK_TYPES[r.nextInt(LINK_TYPES.length)] : f.linkType();
            int pad = r.nextInt(4);
            byte[] buf = new byte[b.length + pad + r.nextInt(3)];
            System.arraycopy(b, 0, buf, pad, b.length);
            ts += r.nextInt(8) == 0 ? (long) r.nextInt(1_000_000) * 1_000_000_000L * (r.nextBoolean() ? 1 : -1) : r.nextInt(1_000_000);
            int orig = r.nextInt(10) == 0 ? r.nextInt(70000) : b.length;
            raw.set("fuzz-packets", i + 1, ts, link, buf, pad, b.length, orig);
            t.inputs++;
            t.packets++;
            try {
                if (decoder.decode(raw, d) == DecodeStatus.MALFORMED) {
                    t.problems++;
                }
                a.packet(raw);
                if (i % 5000 == 4999) {
                    a.finish();
                    a = auditor();
                }
            } catch (Throwable e) {
                crash("packet", i, e, frameFile(link, ts, b), t);
                a = auditor();
            }
        }
        try {
            a.finish();
        } catch (Throwable e) {
            crash("packet", n, e, new byte[0], t);
        }
    }

    /** A one-packet pcap holding a crashing frame, so the crash replays through the file path too. */
    private static byte[] frameFile(int link, long ts, byte[] frame) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (dev.ucaudit.capture.PcapWriter w = new dev.ucaudit.capture.PcapWriter(bo, link)) {
            w.writePacket(ts, frame);
        }
        return bo.toByteArray();
    }

    private void inspectorInput(String target, Random r, long i, Tally t) throws IOException {
        List<byte[]> seeds = payloads.get(target);
        byte[] s = seeds.get(r.nextInt(seeds.size()));
        byte[] b = r.nextInt(6) == 0 ? concat(s, seeds.get(r.nextInt(seeds.size()))) : s;
        b = mutate(r, b, seeds.get(r.nextInt(seeds.size())), 6);
        IpProtocol proto = r.nextInt(3) == 0 ? (target.equals("sccp") || target.startsWith("h2") ? IpProtocol.UDP : IpProtocol.TCP)
                : (target.equals("sip") ? (r.nextBoolean() ? IpProtocol.TCP : IpProtocol.UDP)
                : target.equals("mgcp") || target.equals("tftp") ? IpProtocol.UDP : IpProtocol.TCP);
        t.inputs++;
        try {
            Inspector insp = registry.newInspector(AppProtocol.of(target).orElseThrow()).orElseThrow();
            RecordingContext c = new RecordingContext("10.0.0.1", 40000, "10.0.0.2", 2000, proto);
            c.buffers = buffers; // one small budget over all inputs: drops of other inputs' buffers are exercised too
            long seq = r.nextInt(4) == 0 ? (r.nextLong() & 0xffffffffL) : r.nextInt(1000);
            int cut = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            int flags = proto == IpProtocol.TCP ? r.nextInt(8) == 0 ? r.nextInt(256) : 0x18 : 0;
            insp.onPayload(c, Direction.FROM_INITIATOR, b, 0, cut, seq, flags);
            long next = switch (r.nextInt(12)) {
                case 0 -> seq + r.nextInt(100_000) - 50_000;
                case 1 -> (seq + cut + 0x80000000L) & 0xffffffffL; // exactly 2^31 away: the StreamReassembler crash
                case 2 -> (seq + cut + 0x7fffffffL + r.nextInt(3)) & 0xffffffffL;
                case 3 -> (seq - cut) & 0xffffffffL;
                default -> seq + cut;
            };
            insp.onPayload(c, Direction.FROM_INITIATOR, b, cut, b.length - cut, next, flags);
            insp.onPayload(c, Direction.FROM_RESPONDER, b, 0, b.length, r.nextInt(8) == 0 ? -1 : seq, flags);
            if (r.nextInt(4) == 0) {
                insp.onPayload(c, Direction.FROM_INITIATOR, b, 0, b.length, seq, flags);
            }
            t.problems += c.malformed.size();
        } catch (Throwable e) {
            crash(target, i, e, b, t);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private void crash(String target, long i, Throwable e, byte[] input, Tally t) throws IOException {
        t.crashes++;
        Files.createDirectories(crashDir);
        Path f = crashDir.resolve(String.format(Locale.ROOT, "%s-seed%d-%d.bin", target, seed, i));
        Files.write(f, input);
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        String[] lines = sw.toString().split("\n");
        String where = lines.length > 1 ? lines[1].trim() : "";
        crashes.add(new Crash(target, i, e + " " + where, f));
        Files.writeString(crashDir.resolve(f.getFileName() + ".txt"), sw.toString());
    }

    public void printTable(PrintStream out) {
        out.printf(Locale.ROOT, "%-8s %10s %10s %10s %8s %8s%n", "target", "inputs", "packets", "problems", "crashes", "seconds");
        long inputs = 0;
        long crashCount = 0;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            inputs += t.inputs;
            crashCount += t.crashes;
            out.printf(Locale.ROOT, "%-8s %10d %10d %10d %8d %8.1f%n", e.getKey(), t.inputs, t.packets, t.problems, t.crashes, t.nanos / 1e9);
        }
        out.printf(Locale.ROOT, "%-8s %10d %10s %10s %8d%n", "total", inputs, "", "", crashCount);
        for (Crash c : crashes.subList(0, Math.min(40, crashes.size()))) {
            out.println("CRASH " + c.target() + " #" + c.iteration() + ": " + c.thrown() + " -> " + c.input());
        }
    }

    public void close() throws IOException {
        try (var s = Files.walk(work)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code MutationFuzzer [iterations] [seed] [target]}: default 100000 inputs, seed 1. */
    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        MutationFuzzer f = new MutationFuzzer(seed, Path.of("target/fuzz-crashes"));
        System.out.println("seeds: " + f.seedFiles() + " files, " + f.seedFrames() + " frames, payloads " + f.seedPayloads());
        if (args.length > 2) {
            f.runTarget(args[2], n);
        } else {
            f.run(n);
        }
        f.printTable(System.out);
        f.close();
        System.exit(f.crashes.isEmpty() ? 0 : 1);
    }
}
