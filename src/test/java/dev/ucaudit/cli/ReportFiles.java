package dev.ucaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report folder's files as two reports of the same packets from different sources must agree on them. */
final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * flows.csv, conversations.csv and unused.csv as written; summary.json without what names the
     * source or the moment of writing: {@code generated_at}, {@code mode} and {@code inputs} (the
     * interface or the capture file, with its packets: the same as {@code packets.read} in one input).
     */
    static Map<String, String> comparable(Path report) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("flows.csv", "conversations.csv", "unused.csv")) {
            m.put(f, Files.readString(report.resolve(f), StandardCharsets.UTF_8));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode summary = (ObjectNode) json.readTree(report.resolve("summary.json").toFile());
        summary.remove(List.of("generated_at", "mode", "inputs"));
        for (JsonNode role : summary.path("roles_observed")) { // where evidence was seen names the input, as inputs do
            for (JsonNode evidence : role.path("evidence")) {
                ((ObjectNode) evidence).remove("where");
            }
        }
        m.put("summary.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return m;
    }
}
