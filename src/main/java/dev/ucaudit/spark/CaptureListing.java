package dev.ucaudit.spark;

import dev.ucaudit.capture.CaptureException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.security.AccessControlException;

/**
 * Finds the capture files under the paths a job is given, through Hadoop's file systems (a local
 * path or {@code file:}, {@code hdfs://}, {@code s3a://} and any other scheme on the class path):
 * a file is taken whatever its name, a folder is searched recursively for {@code .pcap},
 * {@code .pcapng}, {@code .cap} (also numbered by tcpdump {@code -C}: {@code .pcap1}, ...) and
 * {@code .gz} files (leaving out names and folders that start
 * with {@code .} or {@code _}, as Hadoop's own tools do), and a glob ({@code s3a://b/2026-12-0[1-3]/})
 * is both. A path that names nothing, or a folder without a capture, is an error: a job never
 * quietly audits less than it was asked to.
 */
public final class CaptureListing {
    /** Capture names, also as tcpdump -C numbers them ({@code cap.pcap1}, {@code cap.pcap2}, ...). */
    static final Pattern CAPTURE_NAME = Pattern.compile("(?i).+\\.((pcap|pcapng|cap)[0-9]*|gz)");
    private static final Pattern GLOB = Pattern.compile(".*[*?\\[{].*");

    /** The files found, each once, and the ones found again (by another path or folder given). */
    public record Listing(List<CaptureFile> files, List<String> repeated) {
        public Listing {
            files = List.copyOf(files);
            repeated = List.copyOf(repeated);
        }
    }

    private CaptureListing() {
    }

    /** The capture files under {@code paths}, not yet in order ({@link InputOrder} numbers them). */
    public static Listing list(Configuration conf, List<String> paths) throws CaptureException {
        Map<String, CaptureFile> found = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (String arg : paths) {
            for (CaptureFile f : listOne(conf, arg)) {
                if (found.putIfAbsent(f.path(), f) != null) {
                    repeated.add(f.name());
                }
            }
        }
        return new Listing(List.copyOf(found.values()), repeated);
    }

    private static List<CaptureFile> listOne(Configuration conf, String arg) throws CaptureException {
        boolean glob = GLOB.matcher(arg).matches();
        List<CaptureFile> files = new ArrayList<>();
        try {
            Path path = new Path(arg);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new CaptureException(arg + (glob ? " matches no file" : " does not exist"));
            }
            boolean localNames = path.toUri().getScheme() == null;
            for (FileStatus match : matches) {
                String base = glob ? display(match.getPath(), localNames) : arg.replaceAll("(?<=.)/+$", "");
                if (match.isDirectory()) {
                    files.addAll(search(fs, match, base));
                } else {
                    files.add(file(match, base));
                }
            }
            if (files.isEmpty()) {
                throw new CaptureException(arg + " holds no capture file (.pcap, .pcapng, .cap, .gz)");
            }
            return files;
        } catch (UnsupportedFileSystemException e) {
            throw new CaptureException(arg + ": no file system for its scheme on the class path (" + e.getMessage()
                    + "); s3a:// needs hadoop-aws and the AWS SDK (see docs/scale.md)", e);
        } catch (AccessControlException e) {
            throw new CaptureException(arg + " cannot be listed: permission denied", e);
        } catch (FileNotFoundException e) {
            throw new CaptureException(arg + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CaptureException(arg + " cannot be listed: " + firstLine(e), e);
        }
    }

    /** The capture files in a folder and its sub-folders, named {@code base/relative/path}. */
    private static List<CaptureFile> search(FileSystem fs, FileStatus folder, String base) throws IOException {
        List<CaptureFile> files = new ArrayList<>();
        String root = folder.getPath().toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder.getPath(), true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String relative = f.getPath().toUri().getPath().substring(root.length()).replaceFirst("^/+", "");
            if (f.isFile() && CAPTURE_NAME.matcher(f.getPath().getName()).matches() && !hidden(relative)) {
                files.add(file(f, base + "/" + relative));
            }
        }
        return files;
    }

    /** A name or folder starting with . or _ (Hadoop's hidden files: _SUCCESS, _temporary/, .staging/). */
    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static CaptureFile file(FileStatus f, String name) {
        Path parent = f.getPath().getParent();
        return new CaptureFile(f.getPath().toString(), name, parent == null ? "" : parent.toString(), f.getLen(),
                f.getModificationTime(), 0);
    }

    /** A local file's path without {@code file:} when the user gave a plain path, as {@code ucaudit audit} names it. */
    private static String display(Path path, boolean localNames) {
        String scheme = path.toUri().getScheme();
        return localNames && scheme != null && scheme.toLowerCase(Locale.ROOT).equals("file") ? path.toUri().getPath()
                : path.toString();
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
