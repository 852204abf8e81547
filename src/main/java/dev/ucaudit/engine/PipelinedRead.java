package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.packet.RawPacket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Reads inputs on the caller's executor, {@code readersAhead} inputs at a time, while the calling
 * thread runs the engine's {@link Auditor} on them in input order: the result is that of reading
 * the inputs one after the other on one thread. Without a partial audit to write, readers only
 * read and copy packets ({@link CopiedPackets}) and the calling thread does everything else, as one
 * run does; with one, readers also decode and record ({@link PartialRecorder}) and the calling
 * thread replays and writes the blocks. Each reader is at most {@link #QUEUED} batches ahead.
 */
final class PipelinedRead {
    static final int QUEUED = 8;

    /** What a reader hands on after its last batch: the recorded part's counts (null without recording). */
    private record End(RunStats stats, Runs runs, String openError, Throwable crash) {
    }

    private final AuditConfig config;
    private final AuditListener listener;
    private final Replay replay;
    private final Auditor auditor;
    /** Where partials keep every frame, for all inputs' recorders; null without recording. */
    private final InspectedPorts inspected;
    /** Where the packets read are also written as a partial audit, or null. */
    private final PartialAuditFormat.Writer partial;
    private final BlockingQueue<CopiedPackets> free = new ArrayBlockingQueue<>(64);
    private volatile boolean cancelled;

    PipelinedRead(AuditConfig config, AuditListener listener, Auditor auditor, Replay replay,
                  PartialAuditFormat.Writer partial) {
        this.config = config;
        this.listener = listener;
        this.auditor = auditor;
        this.replay = replay;
        this.partial = partial;
        this.inspected = partial == null ? null : InspectedPorts.of(config);
    }

    List<Boolean> read(List<AuditEngine.Input> inputs, Executor executor, int readersAhead,
                       BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUED));
        }
        List<Boolean> opened = new ArrayList<>();
        int started = 0;
        try {
            for (int i = 0; i < inputs.size(); i++) {
                while (started < inputs.size() && started < i + Math.max(1, readersAhead)) {
                    int n = started++;
                    BlockingQueue<Object> q = queues.get(n);
                    AuditEngine.Input input = inputs.get(n);
                    executor.execute(() -> {
                        try {
                            if (partial != null) {
                                record(input, q, decorate);
                            } else {
                                copy(input, q, decorate);
                            }
                        } catch (CancelledRead stopped) {
                            // the analysis thread failed and said so; this reader just ends
                        }
                    });
                }
                opened.add(consume(inputs.get(0).name(), i, inputs.get(i).name(), queues.get(i)));
                queues.set(i, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the partial audit: " + e.getMessage(), e);
        } finally {
            cancelled = true;
        }
        return opened;
    }

    private boolean consume(String runName, int sequence, String name, BlockingQueue<Object> queue) throws IOException {
        if (partial != null) {
            partial.startPart(runName, sequence, name);
        } else {
            auditor.stats().input(name);
        }
        RawPacket raw = new RawPacket();
        List<PacketBlock> blocks = new ArrayList<>();
        while (true) {
            Object next = take(queue, name);
            if (next instanceof CopiedPackets b) {
                for (int i = 0; i < b.count; i++) {
                    if (b.problemBefore[i] != null) {
                        auditor.problem(b.problemBefore[i]);
                    }
                    auditor.packet(b.load(i, raw));
                }
                if (b.problemBefore[b.count] != null) {
                    auditor.problem(b.problemBefore[b.count]);
                }
                b.clear();
                free.offer(b);
            } else if (next instanceof PacketBlock b) {
                blocks.add(b); // replayed when the part's runs are known (they go in among its records)
                partial.block(b);
            } else {
                End end = (End) next;
                rethrow(end.crash());
                if (end.stats() != null) {
                    replay.part(name, blocks, end.runs());
                    replay.endPart(end.stats().packets);
                    auditor.stats().add(end.stats());
                    partial.endPart(end.runs(), end.stats());
                } else if (end.openError() != null) {
                    auditor.inputFailed(name, end.openError());
                }
                return end.openError() == null;
            }
        }
    }

    private static Object take(BlockingQueue<Object> queue, String name) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + name, e);
        }
    }

    private static void rethrow(Throwable crash) {
        if (crash == null) {
            return;
        }
        if (crash instanceof RuntimeException r) {
            throw r;
        }
        if (crash instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(crash);
    }

    /** Reader without recording: copies packets and problems, in order, into batches. */
    private void copy(AuditEngine.Input input, BlockingQueue<Object> queue,
                      BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        String openError = null;
        Throwable crash = null;
        CopiedPackets[] batch = {newBatch()};
        PacketSink copier = new PacketSink() {
            @Override
            public void packet(RawPacket raw) {
                if (!batch[0].fits(raw.length)) {
                    handOn();
                }
                batch[0].add(raw);
                if (batch[0].full()) {
                    handOn();
                }
            }

            @Override
            public void problem(CaptureProblem p) {
                if (!batch[0].addProblem(p)) {
                    handOn();
                    batch[0].addProblem(p);
                }
            }

            private void handOn() {
                put(queue, batch[0]);
                batch[0] = newBatch();
            }
        };
        try (PacketSource source = input.opener().open()) {
            source.run(decorate.apply(source, copier));
        } catch (CaptureException e) {
            openError = e.getMessage();
        } catch (Throwable t) {
            crash = t;
        }
        if (crash == null && (batch[0].count > 0 || batch[0].problemBefore[0] != null)) {
            put(queue, batch[0]);
        }
        put(queue, new End(null, null, openError, crash));
    }

    private CopiedPackets newBatch() {
        CopiedPackets b = free.poll();
        return b != null ? b : new CopiedPackets();
    }

    /** Reader with recording: decodes and records into packet blocks (phase one of a partial audit). */
    private void record(AuditEngine.Input input, BlockingQueue<Object> queue,
                        BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        PartialRecorder recorder = new PartialRecorder(config, inspected, listener, b -> put(queue, b));
        Throwable crash = null;
        String openError = null;
        try {
            openError = AuditEngine.record(recorder, input, decorate);
        } catch (Throwable t) {
            crash = t;
        }
        put(queue, new End(recorder.stats(), crash == null ? recorder.runs() : Runs.none(), openError, crash));
    }

    private void put(BlockingQueue<Object> queue, Object item) {
        try {
            while (!cancelled) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new CancelledRead();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledRead();
        }
    }

    /** The analysis thread stopped (it failed): the reader stops too. */
    private static final class CancelledRead extends RuntimeException {
        CancelledRead() {
            super("the analysis stopped", null, false, false);
        }
    }
}
