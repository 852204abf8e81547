package dev.ucaudit.cli;

import dev.ucaudit.engine.AuditSettings;
import dev.ucaudit.engine.RecordedOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * What {@code merge} and {@code spark} run with when partials are among their inputs: the settings the
 * partials were recorded with, but for those the command line gives; given options that would change
 * which bytes the partials kept (or a catalog other than theirs, or no inventory where they had one)
 * are refused.
 */
final class MergeOptions {
    private MergeOptions() {
    }

    /**
     * The settings to run with, and those taken from the partials that differ from the command line's defaults.
     *
     * @param taken as "--no-inspection, --idle-timeout 60" (empty when none differed)
     */
    record Adopted(AuditSettings settings, String taken) {
    }

    /**
     * The settings {@code recorded} holds, but for those the command line gave ({@code given}, {@code o}).
     *
     * @throws IllegalArgumentException when a recorded value is not one this build records (a damaged partial)
     */
    static Adopted takeRecorded(ParseResult given, AuditOptions o, RecordedOptions recorded) {
        AuditSettings fromOptions = o.settings();
        Map<String, String> optionsGive = fromOptions.recorded();
        Map<String, String> chosen = new LinkedHashMap<>(optionsGive);
        for (AuditSettings.Key k : AuditSettings.Key.values()) {
            String v = recorded.values().get(k.key());
            if (v != null && !given.hasMatchedOption(option(k))) {
                chosen.put(k.key(), v);
            }
        }
        AuditSettings settings = AuditSettings.fromRecorded(chosen, fromOptions);
        List<String> taken = new ArrayList<>();
        for (AuditSettings.Key k : AuditSettings.Key.values()) {
            String v = chosen.get(k.key());
            String shown = v.equals(optionsGive.get(k.key())) ? "" : shown(k, v);
            if (!shown.isEmpty()) {
                taken.add(shown);
            }
        }
        return new Adopted(settings, String.join(", ", taken));
    }

    /** The command line's option for a setting (the pinhole lifetime has none: never given). */
    private static String option(AuditSettings.Key k) {
        return switch (k) {
            case INSPECTION -> "--no-inspection";
            case PROBING -> "--no-probing";
            case PINHOLE_LIFETIME -> "--pinhole-lifetime";
            default -> "--" + k.key();
        };
    }

    /** A setting taken, as the command line would give it ("" for one it has no option for). */
    private static String shown(AuditSettings.Key k, String v) {
        return switch (k) {
            case INSPECTION -> v.equals("off") ? "--no-inspection" : "inspection on";
            case PROBING -> v.equals("off") ? "--no-probing" : "probing on";
            case LIST_SCAN_FLOWS -> v.equals("on") ? "--list-scan-flows" : "scan flows summarized";
            case IDLE_TIMEOUT -> "--idle-timeout " + Duration.parse(v).toSeconds();
            case VXLAN_PORTS -> v.isEmpty() ? "" : "--vxlan-port " + v;
            case PINHOLE_LIFETIME -> "";
            default -> option(k) + " " + v;
        };
    }

    /**
     * Why the merge cannot give one audit's report with the options it runs with ({@code used}), or null:
     * an option that decided which bytes the partials kept differs, or they were recorded with an
     * inventory and the merge has none.
     */
    static String refusal(RecordedOptions recorded, RecordedOptions used, Path first) {
        return recorded.cannotJoin(used, first.toString(), "this merge")
                .map(d -> d.contains("--inventory") ? d.replace("give the same --inventory", "give merge the same --inventory")
                        : d + ": the partials kept the bytes those options decide, so the merge must use them")
                .orElse(null);
    }
}
