package dev.ucaudit.spark;

import dev.ucaudit.engine.ArrivalReplay;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.engine.PartialBudget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Phase one on the executors as one Spark job run in the background: one task per {@link TaskFiles},
 * each task's partial audit handed to the driver as the task ends (Spark's result handler), so that the
 * driver classifies the parts that are there while the other tasks still read ({@link ArrivalReplay}).
 * What arrives is held as shipped (gzip) until the classification asks for it, then decoded within one
 * {@link PartialBudget} (half the driver's heap), which gets back what a partial took once it is let go.
 * {@link #await} and {@link #release} of one task are called from one thread (a site's classification).
 */
final class ShippedPartials implements AutoCloseable {
    private final JavaSparkContext sc;
    private final Broadcast<ExecutorConfig> config;
    private final Broadcast<HadoopConf> hadoop;
    private final byte[][] shipped;
    private final boolean[] arrived;
    private final long[] arrivedAt;
    private final long[] cost;
    private final long[] size;
    private final PartialBudget budget = PartialBudget.ofHeap();
    private final Thread job;
    private Throwable failure;

    private ShippedPartials(JavaSparkContext sc, List<TaskFiles> tasks, ConfigCopy copy) {
        this.sc = sc;
        this.shipped = new byte[tasks.size()][];
        this.arrived = new boolean[tasks.size()];
        this.arrivedAt = new long[tasks.size()];
        this.cost = new long[tasks.size()];
        this.size = new long[tasks.size()];
        this.config = sc.broadcast(new ExecutorConfig(copy));
        this.hadoop = sc.broadcast(new HadoopConf(sc.hadoopConfiguration()));
        ClassTag<byte[]> bytesTag = scala.reflect.ClassTag$.MODULE$.apply(byte[].class);
        Results handler = new Results(this);
        TaskFunction task = new TaskFunction(config, hadoop);
        this.job = new Thread(() -> {
            try {
                if (!tasks.isEmpty()) {
                    sc.sc().runJob(sc.parallelize(tasks, tasks.size()).rdd(), task, handler, bytesTag);
                }
            } catch (Throwable e) { // SparkException and what else a failed job throws, with a stack trace as message
                failed(e);
            }
        }, "ucaudit-spark-phase-one");
        job.setDaemon(true);
    }

    /** Starts the job: task i reads {@code tasks.get(i)}. */
    static ShippedPartials start(JavaSparkContext sc, List<TaskFiles> tasks, ConfigCopy copy) {
        ShippedPartials s = new ShippedPartials(sc, tasks, copy);
        s.job.start();
        return s;
    }

    /** The tasks {@code tasks} (their numbers in this job) as the arrivals of one classification. */
    ArrivalReplay.Arrivals of(List<Integer> tasks) {
        return new ArrivalReplay.Arrivals() {
            @Override
            public PartialAudit await(int task) {
                return ShippedPartials.this.await(tasks.get(task));
            }

            @Override
            public void release(int task) {
                ShippedPartials.this.release(tasks.get(task));
            }
        };
    }

    private synchronized void arrived(int task, byte[] partial) {
        shipped[task] = partial;
        arrived[task] = true;
        arrivedAt[task] = System.nanoTime();
        size[task] = partial.length;
        notifyAll();
    }

    private synchronized void failed(Throwable e) {
        failure = e;
        notifyAll();
    }

    /** Task {@code task}'s partial audit, decoded, once it arrived. */
    PartialAudit await(int task) {
        byte[] partial;
        synchronized (this) {
            while (!arrived[task] && failure == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Spark job", e);
                }
            }
            if (failure != null && !arrived[task]) {
                throw new IllegalStateException("the Spark job failed: " + CaptureListing.firstLine(SparkAudit.rootCause(failure)), failure);
            }
            partial = shipped[task];
            shipped[task] = null; // decoded once: the bytes can go
        }
        PartialBudget share = budget.share(); // sites are decoded on several threads at once
        try {
            PartialAudit read = PartialAudit.read(new ByteArrayInputStream(partial), "the partial audit of task " + task, share);
            cost[task] = share.used();
            return read;
        } catch (IOException e) {
            throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        }
    }

    /** Task {@code task}'s partial audit is no longer held: what it took of the budget is free again. */
    void release(int task) {
        budget.release(cost[task]);
        cost[task] = 0;
    }

    /** The size of {@code tasks}' partial audits as shipped (those that arrived). */
    synchronized long bytes(List<Integer> tasks) {
        long sum = 0;
        for (int t : tasks) {
            sum += size[t];
        }
        return sum;
    }

    /** When the last of {@code tasks} arrived ({@link System#nanoTime}); {@code otherwise} when there are none. */
    synchronized long lastArrival(List<Integer> tasks, long otherwise) {
        long last = otherwise;
        for (int t : tasks) {
            last = Math.max(last, arrivedAt[t]);
        }
        return last;
    }

    /** Stops the job when the driver gave up before it ended, and waits for it. */
    @Override
    public void close() {
        if (job.isAlive()) {
            sc.cancelAllJobs();
        }
        try {
            job.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        config.destroy();
        hadoop.destroy();
    }

    /** What a task runs: phase one on its files ({@link PartialTask#partial}), as shipped. */
    private static final class TaskFunction extends AbstractFunction1<scala.collection.Iterator<TaskFiles>, byte[]>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<ExecutorConfig> config;
        private final Broadcast<HadoopConf> hadoop;

        TaskFunction(Broadcast<ExecutorConfig> config, Broadcast<HadoopConf> hadoop) {
            this.config = config;
            this.hadoop = hadoop;
        }

        @Override
        public byte[] apply(scala.collection.Iterator<TaskFiles> partition) {
            TaskFiles files = partition.next(); // one per partition
            try {
                return PartialTask.partial(config.value().phaseOne(), hadoop.value().get(), files.run(), files.files().iterator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Spark's result handler, on the driver: takes each task's partial audit as it arrives. */
    private static final class Results extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final ShippedPartials into;

        Results(ShippedPartials into) {
            this.into = into;
        }

        @Override
        public BoxedUnit apply(Object task, byte[] partial) {
            into.arrived((Integer) task, partial);
            return BoxedUnit.UNIT;
        }
    }
}
