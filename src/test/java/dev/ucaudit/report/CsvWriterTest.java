package dev.ucaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** The hand-written CSV writer prints byte for byte what Commons CSV (RFC4180, "\n") prints. */
class CsvWriterTest {
    private static final String ALPHABET = "ab ,\"\r\n#!\t'-;:=z\u00e9\u2192 09";

    @Test
    void sameOutputAsCommonsCsvOnRandomRecords() throws Exception {
        Random r = new Random(42);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + r.nextInt(6);
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(10);
                if (kind == 0) {
                    values[i] = null;
                } else if (kind == 1) {
                    values[i] = "";
                } else if (kind == 2) {
                    values[i] = r.nextLong() >> r.nextInt(64);
                } else if (kind == 3) {
                    values[i] = r.nextInt(70000) - 1;
                } else {
                    StringBuilder b = new StringBuilder();
                    int len = 1 + r.nextInt(8);
                    for (int j = 0; j < len; j++) {
                        b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    }
                    values[i] = b.toString();
                }
            }
            StringWriter expected = new StringWriter();
            try (CSVPrinter p = new CSVPrinter(expected, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                p.printRecord(values);
            }
            StringWriter actual = new StringWriter();
            new CsvWriter(actual).record(values);
            assertEquals(expected.toString(), actual.toString(), java.util.Arrays.toString(values));
        }
    }
}
