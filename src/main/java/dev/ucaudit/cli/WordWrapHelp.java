package dev.ucaudit.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help that wraps lines at spaces only. picocli wraps with Java's line BreakIterator, which also
 * breaks after '.', '-' and '/', so file names came out as "unused.", "csv"; here a word or file
 * name stays whole unless it is wider than its column.
 */
final class WordWrapHelp extends CommandLine.Help {
    WordWrapHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    /** picocli's help factory hook. */
    static CommandLine.IHelpFactory factory() {
        return WordWrapHelp::new;
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        Layout base = super.createDefaultLayout(options, positionals, scheme);
        TextTable table = new WordTable(scheme, base.textTable().columns());
        table.indentWrappedLines = base.textTable().indentWrappedLines;
        return new Layout(scheme, table, base.optionRenderer(), base.parameterRenderer());
    }

    @Override
    public String description(Object... params) {
        StringBuilder sb = new StringBuilder();
        for (String line : commandSpec().usageMessage().description()) {
            String text = params.length == 0 ? line : String.format(line, params);
            for (int[] range : lines(text, width(), width())) {
                sb.append(text, range[0], range[1]).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    /** Line ranges of {@code text} broken at spaces: the first line at most {@code first} wide, the others {@code next}. */
    static List<int[]> lines(String text, int first, int next) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int avail = Math.max(1, out.isEmpty() ? first : next);
            if (n - start <= avail) {
                out.add(new int[] {start, n});
                break;
            }
            int cut = text.lastIndexOf(' ', start + avail);
            if (cut <= start) {
                cut = text.indexOf(' ', start + avail); // a word wider than the column: keep it whole
                if (cut < 0) {
                    out.add(new int[] {start, n});
                    break;
                }
            }
            out.add(new int[] {start, cut});
            start = cut;
            while (start < n && text.charAt(start) == ' ') {
                start++;
            }
        }
        return out;
    }

    /** A text table whose wrapping columns break at spaces only. */
    private static final class WordTable extends TextTable {
        WordTable(ColorScheme scheme, Column[] columns) {
            super(scheme, columns);
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (value == null || column.overflow != Column.Overflow.WRAP || !textAt(row, col).plainString().isEmpty()) {
                return super.putValue(row, col, value);
            }
            String plain = value.plainString();
            int first = column.width - column.indent;
            List<int[]> lines = lines(plain, first, first - indentWrappedLines);
            Cell cell = new Cell(col, row);
            int indent = column.indent;
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    row = cell.row + 1;
                    if (row >= rowCount()) {
                        addEmptyRow();
                    }
                    column.indent = indent + indentWrappedLines;
                }
                try {
                    cell = super.putValue(row, col, value.substring(lines.get(i)[0], lines.get(i)[1]));
                } finally {
                    column.indent = indent;
                }
            }
            return cell;
        }
    }
}
