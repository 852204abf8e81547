package dev.ucaudit.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder given as an input, as Zeek and {@code nfdump -R} take one: the captures directly in it, by name
 * (*.pcap, *.pcapng, *.cap, and tcpdump's rotated *.pcap1, *.pcap2 ..., each also gzip-compressed), in name
 * order with numbers compared as numbers (trace.pcap2 before trace.pcap10). Hidden files are skipped.
 */
public final class CaptureFolder {
    private static final Pattern CAPTURE = Pattern.compile("(?i)^[^.].*\\.(pcap|pcapng|cap)[0-9]*(\\.gz)?$");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|[^0-9]+");

    private CaptureFolder() {
    }

    /** Whether a file name is one a folder's listing takes. */
    public static boolean isCaptureName(String name) {
        return CAPTURE.matcher(name).matches();
    }

    /** The captures in {@code dir}, in order; empty when it holds none. */
    public static List<Path> captures(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files.filter(p -> isCaptureName(p.getFileName().toString()))
                    .filter(Files::isRegularFile).toList());
            found.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), CaptureFolder::compareNatural));
            return found;
        }
    }

    /** Name order with runs of digits compared as numbers. */
    static int compareNatural(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        while (ma.find() && mb.find()) {
            String x = ma.group();
            String y = mb.group();
            int c;
            if (Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))) {
                String xs = x.replaceFirst("^0+(?=.)", "");
                String ys = y.replaceFirst("^0+(?=.)", "");
                c = xs.length() != ys.length() ? Integer.compare(xs.length(), ys.length()) : xs.compareTo(ys);
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }
}
