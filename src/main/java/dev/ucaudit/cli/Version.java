package dev.ucaudit.cli;

import picocli.CommandLine.IVersionProvider;

/** What --version prints, for ucaudit and for each of its commands ('ucaudit audit --version' too). */
final class Version implements IVersionProvider {
    static final String TEXT = "ucaudit 0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {TEXT};
    }
}
