package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.PacketSink;
import dev.ucaudit.capture.PacketSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Reads inputs with reading and decoding on the caller's executor, {@code readersAhead} inputs at a
 * time, while the calling thread replays their recorded packets in input order through the engine's
 * {@link Auditor} (see {@link Replay}): the result is that of reading the inputs one after the other
 * on one thread. Each reader hands on at most {@link #QUEUED_BLOCKS} blocks ahead of the replay.
 */
final class PipelinedRead {
    static final int QUEUED_BLOCKS = 16;

    /** What a reader hands on after its last block. */
    private record End(RunStats stats, boolean opened, Throwable crash) {
    }

    private final AuditConfig config;
    private final AuditListener listener;
    private final Replay replay;
    private final Auditor auditor;
    private volatile boolean cancelled;
    /** Where the packets read are also written as a partial audit, or null. */
    private final PartialAuditFormat.Writer partial;

    PipelinedRead(AuditConfig config, AuditListener listener, Auditor auditor, Replay replay,
                  PartialAuditFormat.Writer partial) {
        this.partial = partial;
        this.config = config;
        this.listener = listener;
        this.auditor = auditor;
        this.replay = replay;
    }

    List<Boolean> read(List<AuditEngine.Input> inputs, Executor executor, int readersAhead,
                       BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUED_BLOCKS));
        }
        List<Boolean> opened = new ArrayList<>();
        int started = 0;
        try {
            for (int i = 0; i < inputs.size(); i++) {
                while (started < inputs.size() && started < i + Math.max(1, readersAhead)) {
                    int n = started++;
                    executor.execute(() -> readOne(inputs.get(n), queues.get(n), decorate));
                }
                opened.add(replayOne(inputs.get(0).name(), i, inputs.get(i).name(), queues.get(i)));
                queues.set(i, null);
            }
        } finally {
            cancelled = true;
        }
        return opened;
    }

    private boolean replayOne(String group, int sequence, String name, BlockingQueue<Object> queue) {
        try {
            if (partial != null) {
                partial.startPart(group, sequence, name);
            }
            return replayBlocks(name, queue);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the partial audit: " + e.getMessage(), e);
        }
    }

    private boolean replayBlocks(String name, BlockingQueue<Object> queue) throws java.io.IOException {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + name, e);
            }
            if (next instanceof EventBlock b) {
                replay.block(name, b);
                if (partial != null) {
                    partial.block(b);
                }
            } else {
                End end = (End) next;
                if (end.crash() != null) {
                    if (end.crash() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (end.crash() instanceof Error e) {
                        throw e;
                    }
                    throw new IllegalStateException(end.crash());
                }
                replay.endPart(end.stats().packets);
                auditor.stats().add(end.stats());
                if (partial != null) {
                    partial.endPart(end.stats());
                }
                return end.opened();
            }
        }
    }

    private void readOne(AuditEngine.Input input, BlockingQueue<Object> queue,
                         BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        PartialRecorder recorder = new PartialRecorder(config, listener, b -> put(queue, b));
        boolean opened = true;
        Throwable crash = null;
        try {
            recorder.stats().input(input.name());
            try (PacketSource source = input.opener().open()) {
                source.run(decorate.apply(source, recorder));
            } catch (CaptureException e) {
                recorder.inputFailed(input.name(), e.getMessage());
                opened = false;
            }
            recorder.flush();
        } catch (Throwable t) {
            crash = t;
        }
        put(queue, new End(recorder.stats(), opened, crash));
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

    /** The replay stopped (it failed): the reader stops too. */
    private static final class CancelledRead extends RuntimeException {
        CancelledRead() {
            super("the replay stopped", null, false, false);
        }
    }
}
