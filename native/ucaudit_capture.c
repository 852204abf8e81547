/*
 * ucaudit live-capture helper: reads packets from a libpcap handle in batches.
 *
 * Java (dev.ucaudit.capture.live.NativeCapture, JNA direct mapping) calls ucaudit_dispatch with
 * the pcap_t* of a handle pcap4j opened (pcap4j keeps doing open, filter and stats). One call runs
 * pcap_dispatch once; its callback appends each packet to the caller's buffer as one record, in
 * the layout of dev.ucaudit.capture.live.PacketBatches (native byte order):
 *
 *   int64 timestamp (nanoseconds since the epoch) | int32 captured length | int32 wire length | bytes
 *
 * so Java copies the whole batch with one bulk copy, instead of one JNA up-call, one byte[] and
 * two header look-ups per packet in pcap4j's loop. The buffer always keeps room for one more packet
 * of the snapshot length: once less is left, the callback stops the dispatch (pcap_breakloop) after
 * the packet it just stored, so no packet is ever read and then lost here.
 *
 * Build: gcc -O2 -shared -fPIC -o libucaudit_capture.so ucaudit_capture.c -lpcap
 */
#include <pcap/pcap.h>
#include <stdint.h>
#include <string.h>

struct batch {
    unsigned char *buf;
    int len;
    int used;
    int count;
    int room;        /* bytes one more record may need: 16 + snapshot length */
    int full;        /* the callback broke the loop because the buffer is nearly full */
    int64_t ts_mult; /* 1000 for microsecond timestamps, 1 for nanosecond ones */
    int oversize;    /* records that did not fit (cannot happen while len >= room) */
    pcap_t *p;
};

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes) {
    struct batch *b = (struct batch *) user;
    int caplen = (int) h->caplen;
    int need = 16 + caplen;
    if (b->used + need > b->len) {
        b->oversize++;
        return;
    }
    unsigned char *at = b->buf + b->used;
    int64_t ts = (int64_t) h->ts.tv_sec * 1000000000LL + (int64_t) h->ts.tv_usec * b->ts_mult;
    int32_t cl = caplen;
    int32_t wl = (int32_t) (h->len < h->caplen ? h->caplen : h->len);
    memcpy(at, &ts, 8);
    memcpy(at + 8, &cl, 4);
    memcpy(at + 12, &wl, 4);
    memcpy(at + 16, bytes, (size_t) caplen);
    b->used += need;
    b->count++;
    if (b->len - b->used < b->room && !b->full) {
        b->full = 1;
        pcap_breakloop(b->p);
    }
}

/*
 * Runs pcap_dispatch(p, max_packets) once into buf. Returns the number of records stored;
 * out[0] = bytes used, out[1] = pcap_dispatch's result (-1 error: see ucaudit_geterr; -2 the loop
 * was broken, by this helper when out[2] is 1, else by ucaudit_breakloop / pcap_breakloop),
 * out[2] = 1 when the buffer filled up, out[3] = records that did not fit (0 unless buf_len is
 * smaller than 16 + the snapshot length).
 */
int ucaudit_dispatch(pcap_t *p, int max_packets, unsigned char *buf, int buf_len, int *out) {
    struct batch b;
    b.buf = buf;
    b.len = buf_len;
    b.used = 0;
    b.count = 0;
    b.room = 16 + pcap_snapshot(p);
    b.full = 0;
    b.oversize = 0;
    b.p = p;
#ifdef PCAP_TSTAMP_PRECISION_NANO
    b.ts_mult = pcap_get_tstamp_precision(p) == PCAP_TSTAMP_PRECISION_NANO ? 1 : 1000;
#else
    b.ts_mult = 1000;
#endif
    int rc = pcap_dispatch(p, max_packets, on_packet, (u_char *) &b);
    out[0] = b.used;
    out[1] = rc;
    out[2] = b.full;
    out[3] = b.oversize;
    return b.count;
}

/* pcap_breakloop, for a caller that holds only this library. */
void ucaudit_breakloop(pcap_t *p) {
    pcap_breakloop(p);
}

/* libpcap's message for the last error on p. */
const char *ucaudit_geterr(pcap_t *p) {
    return pcap_geterr(p);
}

/* The helper's interface version, checked by Java after loading. */
int ucaudit_capture_version(void) {
    return 1;
}
