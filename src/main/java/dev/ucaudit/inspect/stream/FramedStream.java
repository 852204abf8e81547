package dev.ucaudit.inspect.stream;

import java.util.function.Supplier;
import dev.ucaudit.inspect.Frame;
import dev.ucaudit.inspect.Framer;

/**
 * A {@link StreamReassembler} plus a {@link Framer}: feeds TCP segments in, hands complete
 * messages to a {@link MessageHandler}. An invalid frame throws away the buffered bytes (the
 * stream resynchronises on the next segment boundary).
 */
public final class FramedStream {
    /** Receives one complete message {@code buf[off, off+len)}; must not keep the array. */
    @FunctionalInterface
    public interface MessageHandler {
        void onMessage(byte[] buf, int off, int len);
    }

    /** Receives framing problems (invalid frames, gaps, overflow). */
    @FunctionalInterface
    public interface ProblemHandler {
        void onProblem(String detail);
    }

    private static final int MAX_MESSAGES_PER_SEGMENT = 1024;

    private final StreamReassembler stream;
    private final Framer framer;

    public FramedStream(Framer framer, int limit) {
        this(framer, limit, null);
    }

    /** @param budget the run's reassembly memory (may be null) */
    public FramedStream(Framer framer, int limit, BufferBudget budget) {
        this.framer = framer;
        this.stream = new StreamReassembler(limit, budget);
    }

    /** Both directions of one flow, each with its own framer, sharing the run's budget (may be null). */
    public static FramedStream[] pair(Supplier<Framer> framers, int limit, BufferBudget budget) {
        return new FramedStream[] {new FramedStream(framers.get(), limit, budget), new FramedStream(framers.get(), limit, budget)};
    }

    public FramedStream(Framer framer) {
        this(framer, StreamReassembler.DEFAULT_LIMIT);
    }

    public void append(byte[] data, int off, int len, long seq, int flags, MessageHandler messages, ProblemHandler problems) {
        StreamReassembler.Append a = stream.append(data, off, len, seq, flags);
        if (a == StreamReassembler.Append.OVERFLOW_RESET) {
            problems.onProblem("stream buffer over " + "limit, reset");
            return;
        }
        if (a == StreamReassembler.Append.GAP_RESET) {
            problems.onProblem("sequence gap, stream reset");
        }
        if (a == StreamReassembler.Append.BUDGET_RESET) {
            problems.onProblem("reassembly memory full, waiting bytes of this stream dropped");
        }
        for (int i = 0; i < MAX_MESSAGES_PER_SEGMENT && stream.length() > 0; i++) {
            Frame f = framer.frame(stream.buffer(), 0, stream.length());
            switch (f.detection()) {
                case NEEDS_MORE_DATA:
                    return;
                case INVALID:
                    problems.onProblem(f.problem() == null ? "invalid frame" : f.problem());
                    stream.clear();
                    return;
                default:
                    int n = f.length();
                    if (n <= 0 || n > stream.length()) {
                        problems.onProblem("framer returned bad length " + n);
                        stream.clear();
                        return;
                    }
                    messages.onMessage(stream.buffer(), 0, n);
                    stream.consume(n);
            }
        }
    }

    public StreamReassembler reassembler() {
        return stream;
    }
}
