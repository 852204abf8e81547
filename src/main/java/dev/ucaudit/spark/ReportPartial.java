package dev.ucaudit.spark;

/**
 * A report folder's {@code partial.bin.gz} (written by {@code audit --partial}, {@code live --partial},
 * {@code merge} or {@code spark --partial}) that a job merges with the captures it audits.
 *
 * @param path the file as a fully qualified Hadoop path
 * @param name how messages name it: as the user gave its path or folder ({@code fleet/sensor-a/2026-12-01T0800Z/partial.bin.gz})
 * @param size its size in bytes
 */
public record ReportPartial(String path, String name, long size) {
}
