package dev.ucaudit.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CaptureEngineTest {
    @Test
    void nativeIsUsedWhenTheHelperLoads() {
        CaptureEngine.Selection s = CaptureEngine.select(CaptureEngine.NATIVE, () -> null);
        assertEquals(CaptureEngine.NATIVE, s.engine());
        assertNull(s.notice());
    }

    @Test
    void fallsBackToPcap4jWithOneLineSayingWhy() {
        CaptureEngine.Selection s = CaptureEngine.select(CaptureEngine.NATIVE, () -> "not built into this jar");
        assertEquals(CaptureEngine.PCAP4J, s.engine());
        assertEquals("ucaudit: native capture helper unavailable (not built into this jar); using pcap4j's loop", s.notice());
    }

    @Test
    void pcap4jAskedForDoesNotTryTheHelper() {
        AtomicInteger tried = new AtomicInteger();
        CaptureEngine.Selection s = CaptureEngine.select(CaptureEngine.PCAP4J, () -> {
            tried.incrementAndGet();
            return null;
        });
        assertEquals(CaptureEngine.PCAP4J, s.engine());
        assertNull(s.notice());
        assertEquals(0, tried.get());
    }

    @Test
    void loadEitherSucceedsOrSaysWhyInOneLine() {
        String why = NativeCapture.load();
        assertTrue(why == null || !why.isBlank() && !why.contains("\n"), String.valueOf(why));
        assertEquals(why, NativeCapture.load(), "loaded once, same answer after");
    }

    @Test
    void recordsFromTheHelperAreAppendedInOneCopyAndReadBackPacketByPacket() throws Exception {
        PacketBatches batches = new PacketBatches(4096, 2, Long.MAX_VALUE);
        ByteBuffer src = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
        int at = 0;
        for (int i = 0; i < 3; i++) {
            src.putLong(at, 1_000_000_000L * i + 7);
            src.putInt(at + 8, 10 + i);
            src.putInt(at + 12, 100 + i);
            for (int j = 0; j < 10 + i; j++) {
                src.put(at + 16 + j, (byte) i);
            }
            at += 16 + 10 + i;
        }
        assertTrue(batches.appendRecords(src, at, 3));
        batches.flush();
        PacketBatches.Block b = batches.take(1, TimeUnit.SECONDS);
        assertEquals(3, b.count());
        int r = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(1_000_000_000L * i + 7, PacketBatches.Block.timestampNanos(b.data(), r));
            assertEquals(10 + i, PacketBatches.Block.capturedLength(b.data(), r));
            assertEquals(100 + i, PacketBatches.Block.wireLength(b.data(), r));
            assertEquals((byte) i, b.data()[r + 16]);
            r = PacketBatches.Block.next(b.data(), r);
        }
        assertEquals(3, batches.appended());
        assertEquals(0, batches.dropped());
    }

    @Test
    void aBatchWithNoFreeBlockIsDroppedAndCounted() {
        PacketBatches batches = new PacketBatches(4096, 2, Long.MAX_VALUE);
        ByteBuffer src = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
        src.putInt(8, 4000 - 16);
        assertTrue(batches.appendRecords(src, 4000, 1));
        assertTrue(batches.appendRecords(src, 4000, 1));
        assertTrue(!batches.appendRecords(src, 4000, 5), "both blocks wait for analysis");
        assertEquals(7, batches.appended());
        assertEquals(5, batches.dropped());
    }
}
