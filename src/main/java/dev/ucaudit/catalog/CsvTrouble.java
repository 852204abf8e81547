package dev.ucaudit.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns what Commons CSV throws part-way through a file (an unclosed or stray double quote, bytes
 * that are not UTF-8) into a problem that names the file and the line where the unreadable row
 * starts, in words, instead of an exception class and a character position.
 */
public final class CsvTrouble {
    /** The replacement character a lenient UTF-8 reader puts where bytes were not UTF-8. */
    public static final char REPLACED = '\uFFFD';

    private CsvTrouble() {
    }

    /** A UTF-8 reader that replaces malformed bytes with U+FFFD instead of failing mid-file. */
    public static Reader lenientUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The problem for a failure while reading the row that starts at {@code line}; the rest of the file is not read. */
    public static CatalogProblem problem(String file, long line, Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String what;
        if (cause instanceof ConfigFile.Unreadable) {
            what = msg;
        } else if (cause instanceof CharacterCodingException) {
            what = "the file is not valid UTF-8 here; save it as UTF-8";
        } else if (msg.contains("encapsulated token") || msg.contains("EOF reached")) {
            what = "a double quote opens a field that is not closed where it should be (a field holding a comma or a quote"
                    + " must be wholly inside double quotes, with inner quotes doubled: \"a, \"\"b\"\"\")";
        } else {
            what = "this row cannot be read (" + msg.replaceAll("^[a-zA-Z.]+Exception: ", "") + ")";
        }
        return new CatalogProblem(file, Math.max(1, line), what + "; rows from this line on were not read");
    }

    /** True when a value holds bytes that were not UTF-8 (replaced on reading). */
    public static boolean hasReplacedBytes(Iterable<String> values) {
        for (String v : values) {
            if (v != null && v.indexOf(REPLACED) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Rethrows nothing: lets callers treat IOExceptions of a header the same way. */
    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
