package dev.ucaudit.spark;

import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.PcapFileSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Opens a capture file on any Hadoop file system as a stream, read once from start to end by the
 * pure-Java reader (pcap, pcapng, gzip either way): no local copy, nothing but sequential reads.
 */
final class HadoopCaptures {
    /** Bytes asked of the file system at a time (Hadoop's default, io.file.buffer.size, is 4 KB). */
    private static final int READ_BUFFER = 1 << 20;

    private HadoopCaptures() {
    }

    /**
     * The file system to read with: the local one without its checksum layer, which looks for a
     * {@code .NAME.crc} beside each file (captures have none) and cannot name one for a file whose
     * name holds ':' ({@code cap-2026-11-02T09:00:00.pcap}: URISyntaxException).
     */
    static FileSystem reading(FileSystem fs) {
        return fs instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : fs;
    }

    static PacketSource open(Configuration conf, CaptureFile file) throws CaptureException {
        Path path = new Path(file.path());
        try {
            return PcapFileSource.ofStream(reading(path.getFileSystem(conf)).open(path, READ_BUFFER), file.name());
        } catch (FileNotFoundException e) {
            throw new CaptureException(file.name() + " does not exist (any more: it was listed when the job started)", e);
        } catch (AccessControlException e) {
            throw new CaptureException(file.name() + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new CaptureException(file.name() + " cannot be read: " + CaptureListing.firstLine(e), e);
        }
    }
}
