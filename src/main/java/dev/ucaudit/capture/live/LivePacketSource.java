package dev.ucaudit.capture.live;

import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.packet.RawPacket;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.RawPacketListener;

/**
 * Live capture on one interface through libpcap (pcap4j), with capture and analysis decoupled.
 *
 * <p>{@link #open} opens the interface (promiscuous, snaplen, kernel buffer, BPF filter) and turns
 * every error a user meets into one line saying what to do. {@link #run} starts a capture thread
 * that runs {@code pcap_loop} and copies each packet into {@link PacketBatches}; the calling thread
 * is the analysis thread: it replays the batches into the sink and runs the ticker (rotation,
 * duration) between them. With {@link CaptureEngine#NATIVE} the capture thread runs the C helper
 * instead ({@link NativeCapture}: pcap_dispatch into one buffer per call, appended to the batches in
 * one bulk copy). {@link #stop} breaks the loop; {@code run} then drains every batch
 * already captured and returns.
 */
public final class LivePacketSource implements PacketSource {
    private static final long STATS_EVERY_NANOS = 1_000_000_000L;

    private final LiveCaptureConfig config;
    private final PacketBatches batches;
    private final PcapCounters pcap = new PcapCounters();
    private volatile PcapHandle handle;
    private CaptureEngine engine = CaptureEngine.PCAP4J;
    private volatile Thread captureThread;
    private int linkType;
    private volatile boolean stopRequested;
    private volatile long stopRequestedNanos;
    private volatile boolean loopBroken;
    private volatile boolean captureDone;
    private volatile String captureFailure;
    private volatile long analysed;
    private Runnable ticker = () -> { };
    private long startedAtMillis;

    public LivePacketSource(LiveCaptureConfig config) {
        this.config = config;
        int block = Math.max(config.blockBytes(), config.snaplen() + PacketBatches.HEADER);
        int blocks = (int) Math.max(2, Math.min(Integer.MAX_VALUE, config.queueBytes() / block));
        this.batches = new PacketBatches(block, blocks, 50_000_000L);
    }

    @Override
    public String name() {
        return config.interfaceName();
    }

    /** Opens the interface; the exception's message says what went wrong and what to do. */
    public void open() throws CaptureException {
        String name = config.interfaceName();
        PcapNetworkInterface dev;
        try {
            dev = Pcaps.getDevByName(name);
        } catch (LinkageError e) {
            throw LiveCaptureErrors.libpcapMissing(e);
        } catch (PcapNativeException e) {
            throw LiveCaptureErrors.open(name, e.getMessage());
        }
        if (dev == null) {
            throw LiveCaptureErrors.unknownInterface(name);
        }
        if (!dev.isUp()) {
            throw LiveCaptureErrors.interfaceDown(name);
        }
        PcapHandle h;
        try {
            h = builder(true).build();
        } catch (PcapNativeException e) {
            if (String.valueOf(e.getMessage()).toLowerCase().contains("precision")) {
                try {
                    h = builder(false).build();
                } catch (PcapNativeException e2) {
                    throw LiveCaptureErrors.open(name, e2.getMessage());
                }
            } else {
                throw LiveCaptureErrors.open(name, e.getMessage());
            }
        } catch (LinkageError e) {
            throw LiveCaptureErrors.libpcapMissing(e);
        }
        if (config.filter() != null && !config.filter().isBlank()) {
            try {
                h.setFilter(config.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException | NotOpenException e) {
                h.close();
                throw LiveCaptureErrors.badFilter(config.filter(), e.getMessage());
            }
        }
        linkType = h.getDlt().value();
        handle = h;
    }

    private PcapHandle.Builder builder(boolean nano) {
        PcapHandle.Builder b = new PcapHandle.Builder(config.interfaceName())
                .snaplen(config.snaplen())
                .promiscuousMode(config.promiscuous() ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS
                        : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(config.timeoutMillis())
                .bufferSize(config.bufferBytes());
        if (config.immediate()) {
            b.immediateMode(true);
        }
        if (nano) {
            b.timestampPrecision(PcapHandle.TimestampPrecision.NANO);
        }
        return b;
    }

    /** The read loop to use; {@link CaptureEngine#NATIVE} only once {@link NativeCapture#load} succeeded. */
    public void setEngine(CaptureEngine engine) {
        this.engine = engine;
    }

    public CaptureEngine engine() {
        return engine;
    }

    /** Runs on the analysis thread between batches (at least every 25 ms): rotation, duration. */
    public void setTicker(Runnable ticker) {
        this.ticker = ticker;
    }

    @Override
    public void run(PacketSink sink) throws CaptureException {
        PcapHandle h = handle;
        if (h == null) {
            open();
            h = handle;
        }
        startedAtMillis = System.currentTimeMillis();
        PcapHandle opened = handle;
        Thread capture = new Thread(() -> {
            if (engine == CaptureEngine.NATIVE) {
                nativeCaptureLoop(opened);
            } else {
                captureLoop(opened);
            }
        }, "ucaudit-capture");
        captureThread = capture;
        capture.setDaemon(true);
        capture.setPriority(Thread.MAX_PRIORITY);
        capture.start();
        RawPacket packet = new RawPacket();
        String name = config.interfaceName();
        long lastStats = System.nanoTime();
        long number = analysed;
        try {
            for (;;) {
                PacketBatches.Block b;
                try {
                    b = batches.take(25, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    stop();
                    b = null;
                }
                if (b == null) {
                    batches.flushIfOlder(System.nanoTime());
                    if (captureDone) {
                        b = batches.poll();
                        if (b == null) {
                            break;
                        }
                    }
                }
                if (b != null) {
                    byte[] data = b.data();
                    int at = 0;
                    for (int i = 0; i < b.count(); i++) {
                        int caplen = PacketBatches.Block.capturedLength(data, at);
                        number++;
                        sink.packet(packet.set(name, number, PacketBatches.Block.timestampNanos(data, at), linkType,
                                data, at + PacketBatches.HEADER, caplen, PacketBatches.Block.wireLength(data, at)));
                        at += PacketBatches.HEADER + caplen;
                    }
                    analysed = number;
                    batches.release(b);
                }
                long now = System.nanoTime();
                if (stopRequested && !captureDone && now - stopRequestedNanos >= drainDelayNanos()
                        && (!loopBroken || now - lastStats >= STATS_EVERY_NANOS)) {
                    // break only once the kernel had time to hand over what it already holds; again every
                    // second in case the first break came before the loop started
                    loopBroken = true;
                    breakLoop();
                }
                if (now - lastStats >= STATS_EVERY_NANOS) {
                    lastStats = now;
                    sampleStats();
                }
                ticker.run();
            }
        } finally {
            try {
                capture.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (captureFailure != null) {
            sink.problem(new CaptureProblem(name, 0, Kind.CAPTURE_ERROR, "capture stopped: " + captureFailure
                    + "; the report covers the packets before it", true));
        }
    }

    private void captureLoop(PcapHandle h) {
        try {
            RawPacketListener listener = bytes -> {
                Timestamp ts = h.getTimestamp();
                long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                Integer original = h.getOriginalLength();
                batches.append(nanos, bytes, 0, bytes.length, original == null ? bytes.length : original);
            };
            try {
                h.loop(-1, listener);
            } catch (InterruptedException e) {
                // breakLoop() after stop(): the normal end
            }
            drainRing(h, listener);
        } catch (InterruptedException e) {
            // interrupted while draining: what was read is kept
        } catch (PcapNativeException e) {
            captureFailure = LiveCaptureErrors.open(config.interfaceName(), e.getMessage()).getMessage();
        } catch (NotOpenException e) {
            captureFailure = "the libpcap handle was closed";
        } catch (RuntimeException | Error e) {
            captureFailure = LiveCaptureErrors.oneLine(e);
        } finally {
            sampleStats();
            batches.flush();
            captureDone = true;
        }
    }

    /**
     * The capture thread with the C helper: one pcap_dispatch per call into a native buffer of one
     * block, appended to the batches with one copy. Ends once the analysis thread broke the loop,
     * then reads what is left in the ring without waiting.
     */
    private void nativeCaptureLoop(PcapHandle h) {
        try {
            Pointer pcapT = NativeCapture.pcapT(h);
            int bufLen = batches.blockSize();
            Memory buf = new Memory(bufLen);
            Memory out = new Memory(16);
            ByteBuffer view = buf.getByteBuffer(0, bufLen);
            while (!loopBroken) {
                nativeDispatch(pcapT, buf, bufLen, out, view);
                if (out.getInt(4) == -1) {
                    captureFailure = LiveCaptureErrors.open(config.interfaceName(), NativeCapture.ucaudit_geterr(pcapT))
                            .getMessage();
                    return;
                }
            }
            h.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            for (int i = 0; i < 10_000; i++) {
                int n = nativeDispatch(pcapT, buf, bufLen, out, view);
                int rc = out.getInt(4);
                if (rc == -1 || n <= 0 && rc != -2) {
                    break; // ring empty (a -2 is a stale break request: try again)
                }
            }
        } catch (PcapNativeException e) {
            captureFailure = LiveCaptureErrors.open(config.interfaceName(), e.getMessage()).getMessage();
        } catch (NotOpenException e) {
            captureFailure = "the libpcap handle was closed";
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            captureFailure = LiveCaptureErrors.oneLine(e);
        } finally {
            sampleStats();
            batches.flush();
            captureDone = true;
        }
    }

    /** One pcap_dispatch through the helper; returns the packets read (pcap_dispatch's result in out[1]). */
    private int nativeDispatch(Pointer pcapT, Memory buf, int bufLen, Memory out, ByteBuffer view) {
        int n = NativeCapture.ucaudit_dispatch(pcapT, -1, buf, bufLen, out);
        if (n > 0) {
            batches.appendRecords(view, out.getInt(0), n);
        }
        return n;
    }

    /**
     * After the loop was broken, reads what is still in the kernel ring without waiting, so that the
     * packets libpcap already counted as received are analysed too.
     */
    private void drainRing(PcapHandle h, RawPacketListener listener)
            throws PcapNativeException, NotOpenException, InterruptedException {
        h.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
        for (int i = 0; i < 10_000; i++) {
            if (h.dispatch(-1, listener) <= 0) {
                return;
            }
        }
    }

    /** How long after a stop request the loop keeps reading: two read timeouts, for the ring to hand over its last block. */
    private long drainDelayNanos() {
        return (2L * config.timeoutMillis() + 50) * 1_000_000L;
    }

    /** Reads pcap_stats now (any thread). */
    public void sampleStats() {
        PcapHandle h = handle;
        if (h == null) {
            return;
        }
        try {
            PcapStat s = h.getStats();
            pcap.sample(s.getNumPacketsReceived(), s.getNumPacketsDropped(), s.getNumPacketsDroppedByIf());
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            // statistics unavailable for a moment: the next sample catches up
        }
    }

    /**
     * Asks the capture to end (any thread, e.g. a signal handler): the analysis thread breaks the
     * loop a couple of read timeouts later, the capture thread reads what is left in the kernel ring,
     * then {@link #run} drains the queue and returns.
     */
    @Override
    public void stop() {
        if (!stopRequested) {
            stopRequestedNanos = System.nanoTime();
            stopRequested = true;
        }
    }

    private void breakLoop() {
        PcapHandle h = handle;
        if (h != null) {
            try {
                h.breakLoop();
            } catch (NotOpenException ignored) {
                // already closed
            }
        }
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public void close() {
        PcapHandle h = handle;
        if (h != null) {
            stopRequested = true;
            loopBroken = true;
            try {
                h.breakLoop();
            } catch (NotOpenException ignored) {
                // already closed
            }
            Thread t = captureThread;
            if (t != null && engine == CaptureEngine.NATIVE) {
                // the helper runs outside pcap4j's lock: the handle must outlive its last dispatch
                try {
                    t.join(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            handle = null;
            h.close();
        }
    }

    /** Counters at this moment. */
    public Stats stats() {
        return new Stats(pcap.snapshot(), batches.appended(), batches.dropped(), analysed);
    }

    public int linkType() {
        return linkType;
    }

    public LiveCaptureConfig config() {
        return config;
    }

    public long queueBytes() {
        return batches.capacityBytes();
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    /**
     * @param pcap      libpcap's counters (received by filter, dropped by kernel, dropped by interface)
     * @param captured  packets libpcap handed to ucaudit
     * @param droppedByUcaudit packets ucaudit dropped because analysis was behind
     * @param analysed  packets the audit read
     */
    public record Stats(PcapCounters.Snapshot pcap, long captured, long droppedByUcaudit, long analysed) {
        public static final Stats ZERO = new Stats(PcapCounters.Snapshot.ZERO, 0, 0, 0);

        public Stats minus(Stats earlier) {
            return new Stats(pcap.minus(earlier.pcap), captured - earlier.captured,
                    droppedByUcaudit - earlier.droppedByUcaudit, analysed - earlier.analysed);
        }
    }
}
