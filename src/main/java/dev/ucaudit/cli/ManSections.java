package dev.ucaudit.cli;

import java.util.List;
import java.util.Map;

/**
 * The man page sections picocli's model has no place for (EXAMPLES, ENVIRONMENT, FILES, SEE ALSO), in
 * AsciiDoc, appended by {@link DocsGenerator} to each command's page.
 */
final class ManSections {
    private ManSections() {
    }

    private static final Map<String, List<String>> EXAMPLES = Map.of(
            "ucaudit", List.of(
                    "ucaudit audit --inventory site.csv --out lab-audit captures/lab-site.pcap",
                    "ucaudit live -D",
                    "ucaudit diff reports/2026-11-02 reports/2026-11-03",
                    "ucaudit catalog --port 2000"),
            "audit", List.of(
                    "ucaudit audit --inventory site.csv --out lab-audit lab/*.pcapng.gz",
                    "ucaudit audit --inventory site.csv --out reports/2026-11-02 captures/2026-11-02",
                    "tcpdump -i eth1 -w - -c 100000 | ucaudit audit --out quick -",
                    "ucaudit audit --format jsonl -q captures/lab-site.pcap | jq -c 'select(.verdict==\"undocumented\")'",
                    "ucaudit audit --filter 'not port 22' --out no-ssh captures/lab-site.pcap"),
            "live", List.of(
                    "ucaudit live -D",
                    "ucaudit live -i eth1 --inventory site.csv --out /var/lib/ucaudit --rotate 1h",
                    "ucaudit live -i eth1 --inventory site.csv --out /var/lib/ucaudit --rotate 1h --keep-days 30 --metrics 127.0.0.1:9464",
                    "ucaudit live -i eth1 --inventory site.csv --out /var/lib/ucaudit --rotate 1h --events - --syslog udp://127.0.0.1:514"),
            "merge", List.of("ucaudit merge --inventory site.csv --out day /var/lib/ucaudit/2026-11-25T*"),
            "spark", List.of("SPARK_HOME=/opt/spark ucaudit spark --master 'local[2]' --inventory site.csv --out fleet /archive/2026-11"),
            "catalog", List.of("ucaudit catalog --port 2000", "ucaudit catalog --port 5060 --protocol udp",
                    "ucaudit catalog --format csv > catalog.csv"),
            "diff", List.of("ucaudit diff --fail-on new-undocumented,new-escaped --allowed site/allowed.csv "
                    + "--out reports/diff-2026-11-03 reports/2026-11-02 reports/2026-11-03",
                    "ucaudit diff --format json reports/2026-11-02 reports/2026-11-03 | jq '.rows[].change'"),
            "export", List.of("ucaudit export reports/2026-11-03 --out drafts"),
            "generate", List.of("ucaudit generate lab-site", "ucaudit generate media-heavy --packets 100000 --out /tmp/bench"));

    /** The sections for a page: {@code command} is the subcommand's name, or "ucaudit" for the root page. */
    static String forCommand(String command) {
        StringBuilder s = new StringBuilder("\n// ucaudit's own sections (DocsGenerator)\n");
        List<String> examples = EXAMPLES.get(command);
        if (examples != null) {
            s.append("== Examples\n\n");
            for (String e : examples) {
                s.append("----\n").append(e).append("\n----\n\n");
            }
        }
        s.append("""
                == Environment

                *UCAUDIT_JAVA_OPTS*::
                  Options for the Java virtual machine, replacing the default -Xmx2g -Xss4m (e.g. UCAUDIT_JAVA_OPTS=-Xmx4g for \
                larger captures).

                *UCAUDIT_CDS*::
                  0 turns off the start-up archive the launcher keeps in $XDG_CACHE_HOME/ucaudit (about 0.4 s faster starts).

                *UCAUDIT_DEBUG*::
                  Set: an error also prints its stack trace.

                *SPARK_HOME*::
                  For ucaudit spark: the Spark installation whose jars join the class path.

                *LANG*, *LC_ALL*, *LC_CTYPE*::
                  Not needed: ucaudit writes UTF-8 whatever the locale; without a UTF-8 one the launcher sets LC_CTYPE=C.UTF-8 \
                so that file names that are not ASCII open.

                == Files

                *ucaudit-report/*::
                  The default report folder of audit, live and merge (flows.csv, conversations.csv, unused.csv, summary.json, \
                report.html).

                *rules/cucm-ports.csv*, *rules/roles.csv*::
                  The default catalog and roles, beside the launcher (lib/ucaudit/rules/ once installed); --catalog adds or replaces.

                *$XDG_CACHE_HOME/ucaudit/*::
                  The launcher's start-up archives (~/.cache/ucaudit/ by default).

                == See also

                *tcpdump*(8), *pcap-filter*(7), *ucaudit*(1), *ucaudit-audit*(1), *ucaudit-live*(1), *ucaudit-diff*(1), \
                *ucaudit-export*(1), *ucaudit-catalog*(1); the docs/ folder of the distribution: live.md (the service on a SPAN \
                port), nightly.md (the nightly job), scale.md, performance.md, reliability.md.
                """);
        return s.toString();
    }
}
