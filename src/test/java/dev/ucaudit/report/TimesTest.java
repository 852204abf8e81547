package dev.ucaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times in CSV and JSON have one fixed precision, milliseconds, so that sorting the text sorts the times. */
class TimesTest {
    @Test
    void alwaysMillisecondsSoTextOrderIsTimeOrder() {
        long second = 1_793_610_000L * 1_000_000_000L; // 2026-11-02T09:00:00Z
        long[] nanos = {second, second + 250_000, second + 1_000_000, second + 120_000_000, second + 999_999_999,
            second + 1_000_000_000L, second - 1};
        List<String> texts = new ArrayList<>();
        for (long n : nanos) {
            String t = Times.iso(n);
            assertEquals(24, t.length(), t);
            texts.add(t);
        }
        assertEquals("2026-11-02T09:00:00.000Z", texts.get(0));
        assertEquals("2026-11-02T09:00:00.000Z", texts.get(1));
        assertEquals("2026-11-02T09:00:00.120Z", texts.get(3));
        assertEquals("2026-11-02T08:59:59.999Z", texts.get(6));
        List<String> byText = new ArrayList<>(texts);
        byText.sort(Comparator.naturalOrder());
        List<String> byTime = new ArrayList<>();
        java.util.Arrays.stream(nanos).sorted().forEach(n -> byTime.add(Times.iso(n)));
        assertEquals(byTime, byText);
        assertEquals("", Times.iso(Long.MAX_VALUE));
    }
}
