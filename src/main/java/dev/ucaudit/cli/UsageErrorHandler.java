package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage as tcpdump and git report it: one line saying what is wrong and where the help is,
 * not the whole usage text; exit status 2.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> args0 = unmatched.getUnmatched();
            if (!cmd.getSubcommands().isEmpty() && !unmatched.isUnknownOption() && !args0.isEmpty()
                    && cmd.getParseResult() != null && cmd.getParseResult().originalArgs().indexOf(args0.get(0)) == 0) {
                message = "'" + args0.get(0) + "' is not a command (" + String.join(", ", cmd.getSubcommands().keySet()) + ")";
            }
            List<String> suggestions = unmatched.isUnknownOption() && !args0.isEmpty()
                    ? closestOptions(args0.get(0), cmd) : unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions) + "?";
            }
            if (cmd.getParent() == null && !args0.isEmpty() && cmd.getSubcommands().containsKey("audit")
                    && cmd.getSubcommands().get("audit").getCommandSpec().findOption(args0.get(0)) != null) {
                message += " (" + args0.get(0) + " is an option of a command: 'ucaudit audit " + args0.get(0)
                        + (args0.size() > 1 ? " " + args0.get(1) : "") + "' audits a capture)";
            }
        }
        cmd.getErr().println("ucaudit: " + Printable.escape(message.strip()) + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        cmd.getErr().flush();
        return 2;
    }

    /**
     * The command's options nearest to a mistyped one by edit distance (transposed letters count once), at
     * most two edits away: --fial-on is --fail-on, not --filter.
     */
    static List<String> closestOptions(String typed, CommandLine cmd) {
        String word = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        Map<String, Integer> distance = new TreeMap<>();
        for (String name : cmd.getCommandSpec().optionsMap().keySet()) {
            if (name.startsWith("--")) {
                distance.put(name, editDistance(word, name));
            }
        }
        int best = distance.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
        if (best > 2) {
            return List.of();
        }
        return distance.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
