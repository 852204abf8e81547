package dev.ucaudit.report;

import static dev.ucaudit.report.HtmlReport.fmt;

/** report.html's voice summary (see {@link VoiceSummary}): a small table after the findings. */
final class VoiceSection {
    private VoiceSection() {
    }

    /** Calls, registrations, and media a call opened against media no signalling opened. */
    static void write(HtmlReport.Html h, VoiceSummary v) {
        h.append("<section id=\"voice\"><h2>Voice</h2>\n<table class=\"voice\" style=\"width:auto\"><tbody>\n")
         .append("<tr><td>call set-ups seen</td><td class=\"n\" id=\"voice-calls\">").append(fmt(v.calls()))
         .append("</td><td class=\"muted\">SIP INVITEs of new calls, H.225 Setups, SCCP calls opened, MGCP CRCX accepted;")
         .append(" a call through CUCM is counted on each of its legs</td></tr>\n")
         .append("<tr><td>registrations</td><td class=\"n\" id=\"voice-registrations\">").append(fmt(v.registrations()))
         .append("</td><td class=\"muted\">SIP REGISTER accepted, SCCP RegisterAck, MGCP RSIP accepted</td></tr>\n")
         .append("<tr><td>media flows tied to a call</td><td class=\"n\" id=\"voice-media-calls\">").append(fmt(v.mediaOfCalls()))
         .append("</td><td class=\"muted\">RTP, RTCP, T.38 or video that a call's signalling opened</td></tr>\n")
         .append("<tr><td>media flows no signalling opened</td><td class=\"n").append(v.mediaByPort() > 0 ? " unknown" : "")
         .append("\" id=\"voice-media-port\">").append(fmt(v.mediaByPort()))
         .append("</td><td class=\"muted\">documented by a media port range alone: signalling not captured, or traffic that only uses")
         .append(" the range</td></tr>\n</tbody></table>\n");
        if (!v.flowsListed()) {
            h.append("<p class=\"muted\">Media counts are of the flows listed in flows.csv (scan probes and rows beyond")
             .append(" --max-flow-rows are not).</p>\n");
        }
        if (v.signalling() == 0) {
            h.append("<p class=\"muted\">No signalling message was read: calls and registrations cannot be seen here.</p>\n");
        }
        h.append("</section>\n");
    }
}
