package dev.ucaudit.spark;

import java.util.List;
import java.util.Map;

/**
 * What a Spark audit is asked to do, beside the audit's own config.
 *
 * @param paths        capture files, report folders (or their partial.bin.gz), folders and globs as Hadoop paths
 * @param master       the Spark master ({@code local[*]}, {@code yarn}, {@code k8s://...}); null: what spark-submit
 *                     set, else {@code local[*]}
 * @param filesPerTask how many consecutive files one task reads (at least 1)
 * @param order        the order the files are read in, as one audit would read them
 * @param sparkConf    further Spark settings ({@code spark.executor.memory} and the like)
 * @param keepsWhole   whether the merged partial audits are kept for the caller ({@code --partial} writes them);
 *                     otherwise each task's partial audit is let go once the driver replayed it
 */
public record SparkJob(List<String> paths, String master, int filesPerTask, InputOrder order, Map<String, String> sparkConf,
                       boolean keepsWhole) {
    public SparkJob {
        paths = List.copyOf(paths);
        sparkConf = Map.copyOf(sparkConf);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("give at least one capture file or folder");
        }
        if (filesPerTask < 1) {
            throw new IllegalArgumentException("--files-per-task " + filesPerTask + ": give 1 or more");
        }
    }
}
