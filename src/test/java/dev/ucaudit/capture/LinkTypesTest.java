package dev.ucaudit.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Link types are named as tcpdump names them on its "listening on" line. */
class LinkTypesTest {
    @Test
    void namesAsTcpdump() {
        assertEquals("EN10MB (Ethernet)", LinkTypes.describe(1));
        assertEquals("LINUX_SLL (Linux cooked v1)", LinkTypes.describe(113));
        assertEquals("NULL (BSD loopback)", LinkTypes.describe(0));
        assertEquals("DLT 65000", LinkTypes.describe(65000));
    }
}
