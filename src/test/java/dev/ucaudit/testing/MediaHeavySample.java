package dev.ucaudit.testing;

import dev.ucaudit.synth.MediaHeavySite;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated media-heavy capture and its inventory, written into a test's folder: what the live tests
 * feed through a live run's sink (LivePeriodsTest, LiveRetentionTest).
 *
 * @param capture   media-heavy.pcap
 * @param inventory inventory.csv naming the capture's hosts
 */
public record MediaHeavySample(Path capture, Path inventory) {
    /** 2026-11-02T09:00:00Z, the capture's first packet, in milliseconds. */
    public static final long START_MILLIS = 1_793_610_000_000L;

    /** Writes {@code packets} packets of the media-heavy site and its inventory into {@code dir}. */
    public static MediaHeavySample write(Path dir, int packets) throws Exception {
        Path capture = dir.resolve("media-heavy.pcap");
        MediaHeavySite.write(capture, packets);
        Path inventory = dir.resolve("inventory.csv");
        Files.writeString(inventory, MediaHeavySite.INVENTORY);
        return new MediaHeavySample(capture, inventory);
    }
}
