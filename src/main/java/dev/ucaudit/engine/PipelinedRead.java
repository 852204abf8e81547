package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.PacketSink;
import dev.ucaudit.capture.PacketSource;
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
 * the inputs one after the other on one thread. Readers read, decode and count packets and hand on
 * {@link EventBlock}s ({@link PartialRecorder}): with every payload kept when nothing is written
 * (blocks are then reused), as a partial audit keeps them when one is written. The calling thread
 * replays them ({@link Replay}) through flows, inspection and classification, and writes them.
 * Each reader is at most {@link #QUEUED} blocks ahead.
 */
final class PipelinedRead {
    static final int QUEUED = 8;

    /** What a reader hands on after its last batch: the recorded part's counts (null without recording). */
    private record End(RunStats stats, String openError, Throwable crash) {
    }

    private final AuditConfig config;
    private final AuditListener listener;
    private final Replay replay;
    private final Auditor auditor;
    /** Where the packets read are also written as a partial audit, or null. */
    private final PartialAuditFormat.Writer partial;
    /** Blocks replayed and not written, for the readers to fill again. */
    private final BlockingQueue<EventBlock> freeBlocks = new ArrayBlockingQueue<>(64);
    private volatile boolean cancelled;

    PipelinedRead(AuditConfig config, AuditListener listener, Auditor auditor, Replay replay,
                  PartialAuditFormat.Writer partial) {
        this.config = config;
        this.listener = listener;
        this.auditor = auditor;
        this.replay = replay;
        this.partial = partial;
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
                            record(input, q, decorate);
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

    private boolean consume(String group, int sequence, String name, BlockingQueue<Object> queue) throws IOException {
        if (partial != null) {
            partial.startPart(group, sequence, name);
        }
        while (true) {
            Object next = take(queue, name);
            if (next instanceof EventBlock b) {
                replay.block(name, b);
                if (partial != null) {
                    partial.block(b);
                } else {
                    b.clear();
                    freeBlocks.offer(b);
                }
            } else {
                End end = (End) next;
                rethrow(end.crash());
                if (end.stats() != null) {
                    replay.endPart(end.stats().packets);
                    auditor.stats().add(end.stats());
                    if (partial != null) {
                        partial.endPart(end.stats());
                    }
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

    /**
     * A reader: reads, decodes and counts (phase one), and hands on event blocks: with every payload
     * when nothing is written, as a partial audit records them when one is.
     */
    private void record(AuditEngine.Input input, BlockingQueue<Object> queue,
                        BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        PartialRecorder recorder = new PartialRecorder(config, listener, b -> put(queue, b), partial == null);
        if (partial == null) {
            recorder.reuse(freeBlocks);
        }
        Throwable crash = null;
        String openError = null;
        try {
            recorder.stats().input(input.name());
            try (PacketSource source = input.opener().open()) {
                source.run(decorate.apply(source, recorder));
            } catch (CaptureException e) {
                openError = e.getMessage();
                recorder.inputFailed(input.name(), openError); // counted in the part's statistics
            }
            recorder.flush();
        } catch (Throwable t) {
            crash = t;
        }
        put(queue, new End(recorder.stats(), openError, crash));
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
