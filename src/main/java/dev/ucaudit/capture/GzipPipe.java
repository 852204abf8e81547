package dev.ucaudit.capture;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A gzip file decompressed into a named pipe (FIFO) for libpcap, which opens files by name and
 * cannot read gzip: nothing decompressed ever lands on disk. The pipe lives in a private
 * temporary folder and is unlinked as soon as libpcap has opened it ({@link #opened()}), so an
 * interrupted run leaves nothing behind.
 */
final class GzipPipe implements AutoCloseable {
    private interface Libc extends Library {
        int mkfifo(String path, int mode);
    }

    private final Path dir;
    private final Path fifo;
    private final Thread feeder;
    private volatile IOException failure;
    private volatile boolean closing;

    GzipPipe(Path gzip) throws IOException {
        dir = Files.createTempDirectory("ucaudit-");
        fifo = dir.resolve("capture");
        dir.toFile().deleteOnExit();
        fifo.toFile().deleteOnExit();
        int rc;
        try {
            rc = Native.load("c", Libc.class).mkfifo(fifo.toString(), 0600);
        } catch (UnsatisfiedLinkError e) {
            rc = -1;
        }
        if (rc != 0) {
            Files.deleteIfExists(dir);
            throw new IOException("cannot make a pipe to hand the decompressed capture to libpcap");
        }
        feeder = new Thread(() -> feed(gzip), "ucaudit-gunzip");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** The pipe's name, for libpcap to open. */
    Path path() {
        return fifo;
    }

    /** libpcap holds the pipe open: its name can go. */
    void opened() {
        unlink();
    }

    /** Why decompression stopped early (a damaged gzip stream), or null. */
    IOException failure() {
        return closing ? null : failure;
    }

    /** Waits for the feeder to finish writing (after libpcap read to the end). */
    void awaitFeeder() {
        try {
            feeder.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void feed(Path gzip) {
        try (OutputStream out = new FileOutputStream(fifo.toFile());
             InputStream in = new GZIPInputStream(Files.newInputStream(gzip), 1 << 16)) {
            in.transferTo(out);
        } catch (IOException e) {
            failure = e;
        }
    }

    private void unlink() {
        try {
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // an empty pipe in a private folder; deleteOnExit tries again
        }
    }

    /** Stops the feeder (if libpcap never opened the pipe, opens and closes its other end) and removes the pipe. */
    @Override
    public void close() {
        closing = true;
        if (feeder.isAlive() && Files.exists(fifo)) {
            try (FileInputStream unblock = new FileInputStream(fifo.toFile())) {
                // the feeder's open returns; its next write fails on the closed pipe
            } catch (IOException ignored) {
                // the feeder already gone
            }
        }
        unlink();
    }
}
