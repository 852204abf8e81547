package dev.ucaudit.spark;

import java.io.Serializable;

/**
 * One capture file a job reads.
 *
 * @param path     the file as a fully qualified Hadoop path ({@code file:/...}, {@code hdfs://...}, {@code s3a://...})
 * @param name     how the report and messages name it: as the user gave its path or folder
 * @param folder   the folder holding it (a sensor's folder, when each sensor writes into its own)
 * @param size     its size in bytes
 * @param modified when it was last written (milliseconds since 1970, as the file system says)
 * @param sequence its place in the order the audit reads the files (0 first)
 */
public record CaptureFile(String path, String name, String folder, long size, long modified, long sequence)
        implements Serializable {
    CaptureFile withSequence(long n) {
        return new CaptureFile(path, name, folder, size, modified, n);
    }
}
