package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import java.util.List;
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
            if (!unmatched.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
        }
        cmd.getErr().println("ucaudit: " + Printable.escape(message.strip()) + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        cmd.getErr().flush();
        return 2;
    }
}
