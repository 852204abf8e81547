package dev.ucaudit.spark;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.AuditOutcome;
import dev.ucaudit.engine.PartialAudit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark job: lists the capture files (on the driver), numbers them in reading order, lets one
 * task per {@link SparkJob#filesPerTask()} consecutive files run phase one of the audit on them
 * ({@link PartialTask}), merges the partial audits on the driver and classifies the whole once
 * ({@link AuditEngine#classify}): the outcome is that of one {@code ucaudit audit} of the same files
 * in the same order. Prints nothing; the caller writes the report.
 *
 * <p>The partial audits are collected, not tree-reduced: a merge only puts parts side by side (the
 * work is in the classification, on the driver, after the merge), so merging on executors would
 * send every partial over the network once more for nothing. The driver reads each partial once
 * and merges them pairwise; it needs memory for the merged whole (see docs/scale.md).
 */
public final class SparkAudit {
    /**
     * What a job found and how it ran.
     *
     * @param whole        the merged partial audits (what {@code ucaudit merge} joins with other reports)
     * @param repeated     files found under more than one of the paths given (read once)
     * @param partialBytes the partial audits' size as shipped to the driver
     * @param tasksTime    from the job's start to the last partial audit on the driver (phase one)
     * @param classifyTime the merge and the classification on the driver (phase two)
     */
    public record Result(AuditOutcome outcome, PartialAudit whole, List<CaptureFile> files, List<String> repeated, int tasks,
                         long partialBytes, String master, Duration tasksTime, Duration classifyTime) {
    }

    private SparkAudit() {
    }

    /**
     * Runs the job on a Spark context of its own, stopped at the end.
     *
     * @param config   the audit's config, loaded and checked on the driver
     * @param copy     the same config for executors
     * @param listener hears what the classification meets (the executors count what they meet in the partials)
     * @throws CaptureException when a path names no capture file (nothing is audited then)
     */
    public static Result run(SparkJob job, AuditConfig config, ConfigCopy copy, AuditListener listener)
            throws CaptureException {
        try (JavaSparkContext sc = new JavaSparkContext(sparkConf(job))) {
            return run(sc, job, config, copy, listener);
        }
    }

    static SparkConf sparkConf(SparkJob job) {
        SparkConf conf = new SparkConf().setAppName("ucaudit " + String.join(" ", job.paths()));
        job.sparkConf().forEach(conf::set);
        if (job.master() != null) {
            conf.setMaster(job.master());
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) {
            // run without spark-submit on a cluster: the executors need this jar
            String[] jar = JavaSparkContext.jarOfClass(SparkAudit.class);
            if (jar.length > 0) {
                conf.setJars(jar);
            }
        }
        return conf;
    }

    /** Runs the job on a context the caller owns. */
    public static Result run(JavaSparkContext sc, SparkJob job, AuditConfig config, ConfigCopy copy, AuditListener listener)
            throws CaptureException {
        CaptureListing.Listing listing = CaptureListing.list(sc.hadoopConfiguration(), job.paths());
        List<CaptureFile> files = job.order().number(listing.files());
        int tasks = (files.size() + job.filesPerTask() - 1) / job.filesPerTask();
        Broadcast<ConfigCopy> shippedConfig = sc.broadcast(copy);
        Broadcast<HadoopConf> shippedHadoop = sc.broadcast(new HadoopConf(sc.hadoopConfiguration()));
        List<byte[]> partials;
        long start = System.nanoTime();
        try {
            partials = new ArrayList<>(sc.parallelize(files, tasks).mapPartitions(new PartialTask(shippedConfig, shippedHadoop,
                    files.get(0).name())).collect());
        } catch (RuntimeException e) { // SparkException and what else a failed job throws, with a stack trace as message
            throw new IllegalStateException("the Spark job failed: " + CaptureListing.firstLine(rootCause(e)), e);
        } finally {
            shippedConfig.destroy();
            shippedHadoop.destroy();
        }
        long collected = System.nanoTime();
        long bytes = partials.stream().mapToLong(b -> b.length).sum();
        PartialAudit whole = merge(read(partials));
        AuditOutcome outcome = AuditEngine.classify(config, listener, whole);
        return new Result(outcome, whole, files, listing.repeated(), tasks, bytes, sc.master(), Duration.ofNanos(collected - start),
                Duration.ofNanos(System.nanoTime() - collected));
    }

    private static List<PartialAudit> read(List<byte[]> partials) {
        List<PartialAudit> read = new ArrayList<>(partials.size());
        for (int i = 0; i < partials.size(); i++) {
            try {
                read.add(PartialAudit.read(new ByteArrayInputStream(partials.get(i)), "the partial audit of task " + i));
            } catch (IOException e) {
                throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
            }
            partials.set(i, null); // read once: the bytes can go
        }
        return read;
    }

    /** Pairwise, so that no part is copied more than log2(parts) times. */
    static PartialAudit merge(List<PartialAudit> parts) {
        List<PartialAudit> level = parts;
        if (level.isEmpty()) {
            return PartialAudit.empty();
        }
        while (level.size() > 1) {
            List<PartialAudit> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? PartialAudit.merge(level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e : t;
    }
}
