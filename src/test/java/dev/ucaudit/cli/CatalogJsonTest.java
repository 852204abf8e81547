package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** catalog --format json: the rows of --format csv, as typed JSON for jq. */
class CatalogJsonTest {
    @Test
    void jsonHasTheCsvRowsTyped() throws Exception {
        Cli json = Cli.run("catalog", "--format", "json");
        Cli csv = Cli.run("catalog", "--format", "csv");
        assertEquals(0, json.status, json.toString());
        JsonNode rows = new ObjectMapper().readTree(json.out);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.out)).getRecords();
        assertTrue(rows.isArray() && rows.size() > 100, json.out.substring(0, 200));
        assertEquals(records.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            CSVRecord rec = records.get(i);
            for (String column : rec.getParser().getHeaderNames()) {
                JsonNode v = row.get(column);
                String expected = rec.get(column);
                if (column.equals("purpose_reconstructed")) {
                    assertEquals(expected.equals("yes"), v.asBoolean());
                } else {
                    assertEquals(expected, v.isNull() ? "" : v.asText(), column + " of " + rec.get("rule"));
                }
            }
            assertTrue(row.get("table").isNull() || row.get("table").isInt(), row.toString());
        }
        Cli sip = Cli.run("catalog", "--format", "json", "--port", "5060");
        assertTrue(new ObjectMapper().readTree(sip.out).size() >= 2, sip.out);
    }
}
