package dev.ucaudit.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV records exactly as Commons CSV's {@code CSVFormat.RFC4180} with record separator
 * {@code "\n"} does (quote mode MINIMAL), without its per-value dispatch: flows.csv of a large capture
 * was most of the report-writing time. The rules, from {@code CSVFormat.printWithQuotes}: a null value
 * prints nothing; an empty value is quoted only as the first of its record; a value is quoted when it
 * starts with a character up to {@code '#'}, contains CR, LF, a quote or a comma, or ends with a
 * character up to {@code ' '}; quotes inside are doubled. {@code CsvWriterTest} checks it against
 * Commons CSV on random values.
 */
public final class CsvWriter {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One record: each value as {@code String.valueOf}, except null (nothing). */
    public void record(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values[i];
            if (v != null) {
                value(v instanceof String s ? s : v.toString(), i == 0);
            }
        }
        out.write('\n');
    }

    private void value(String s, boolean first) throws IOException {
        int len = s.length();
        if (len == 0) {
            if (first) {
                out.write("\"\"");
            }
            return;
        }
        if (!needsQuotes(s)) {
            out.write(s);
            return;
        }
        out.write('"');
        int start = 0;
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) == '"') {
                out.write(s, start, i + 1 - start);
                start = i; // the quote is written again: doubled
            }
        }
        out.write(s, start, len - start);
        out.write('"');
    }

    private static boolean needsQuotes(String s) {
        int len = s.length();
        if (s.charAt(0) <= '#') {
            return true;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == ',') {
                return true;
            }
        }
        return s.charAt(len - 1) <= ' ';
    }
}
