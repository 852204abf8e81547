package dev.ucaudit.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses byte sizes: {@code 65536}, {@code 512k}, {@code 64m}, {@code 1g} (binary units; KiB/MiB/GiB also read). */
final class Sizes implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(i?b)?");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a size; write e.g. 65536, 512k, 64m or 1g");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (n <= 0 || Long.numberOfLeadingZeros(n) <= shift + 1) {
            throw new CommandLine.TypeConversionException("'" + text + "' is out of range");
        }
        return n << shift;
    }
}
