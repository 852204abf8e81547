package dev.ucaudit.report;

import java.io.IOException;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV ucaudit writes goes through here: a text cell starting with {@code = + - @}, a tab or a
 * carriage return (an inventory name such as {@code =HYPERLINK(...)}) gets a leading single quote, so a
 * spreadsheet shows it as text instead of running it as a formula (OWASP's rule for CSV injection).
 * Numbers are not text cells: a negative number stays a number.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** The cell as written: text that a spreadsheet would read as a formula is prefixed with a quote. */
    public static String text(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    /** Prints one record, neutralising its text cells (Strings); numbers and other values are printed as they are. */
    public static void print(CSVPrinter csv, Object... values) throws IOException {
        for (Object v : values) {
            csv.print(v instanceof CharSequence s ? text(s.toString()) : v);
        }
        csv.println();
    }
}
