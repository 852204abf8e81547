package dev.ucaudit.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacketBatchesTest {
    private static final byte[] PACKET = new byte[1000];

    @Test
    void packetsComeOutInOrderWithTheirHeaders() throws Exception {
        PacketBatches q = new PacketBatches(8192, 4, 50_000_000L);
        for (int i = 0; i < 3; i++) {
            byte[] p = {(byte) i, 1, 2};
            assertTrue(q.append(1000L + i, p, 0, 3, 60));
        }
        assertNull(q.poll(), "a partial block waits for the flush delay");
        q.flush();
        PacketBatches.Block b = q.take(1, TimeUnit.SECONDS);
        assertNotNull(b);
        assertEquals(3, b.count());
        int at = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(1000L + i, PacketBatches.Block.timestampNanos(b.data(), at));
            assertEquals(3, PacketBatches.Block.capturedLength(b.data(), at));
            assertEquals(60, PacketBatches.Block.wireLength(b.data(), at));
            assertEquals(i, b.data()[at + PacketBatches.HEADER]);
            at = PacketBatches.Block.next(b.data(), at);
        }
        q.release(b);
    }

    @Test
    void whenTheConsumerIsBlockedPacketsAreDroppedAndCounted() throws Exception {
        PacketBatches q = new PacketBatches(8192, 2, 50_000_000L);
        int offered = 100;
        int accepted = 0;
        for (int i = 0; i < offered; i++) {
            if (q.append(i, PACKET, 0, PACKET.length, PACKET.length)) {
                accepted++;
            }
        }
        assertEquals(offered, q.appended());
        assertTrue(q.dropped() > 0, "two 8 KiB blocks cannot hold 100 KB");
        assertEquals(offered, accepted + q.dropped());
        // the consumer catches up: every accepted packet is delivered, nothing else
        q.flush();
        int delivered = 0;
        PacketBatches.Block b;
        while ((b = q.poll()) != null) {
            delivered += b.count();
            q.release(b);
        }
        assertEquals(accepted, delivered);
        // room again after release
        assertTrue(q.append(0, PACKET, 0, PACKET.length, PACKET.length));
    }

    @Test
    void partialBlockIsHandedOnAfterTheFlushDelay() throws Exception {
        PacketBatches q = new PacketBatches(8192, 2, 1_000_000L);
        q.append(1, PACKET, 0, 10, 10);
        q.flushIfOlder(System.nanoTime() + 2_000_000L);
        PacketBatches.Block b = q.poll();
        assertNotNull(b);
        assertEquals(1, b.count());
        assertFalse(q.dropped() > 0);
    }

    @Test
    void packetLargerThanABlockIsCutNotLost() throws Exception {
        PacketBatches q = new PacketBatches(4096, 2, 1L);
        assertTrue(q.append(1, new byte[10000], 0, 10000, 10000));
        q.flush();
        PacketBatches.Block b = q.poll();
        assertEquals(4096 - PacketBatches.HEADER, PacketBatches.Block.capturedLength(b.data(), 0));
        assertEquals(10000, PacketBatches.Block.wireLength(b.data(), 0));
    }
}
