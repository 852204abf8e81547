/*
 * Benchmark reference for scripts/bench (never part of the build or the tests): a plain libpcap
 * loop over pcap_next_ex that parses Ethernet (+ 802.1Q), IPv4/IPv6 and TCP/UDP ports, and counts
 * packets into a canonical two-way 5-tuple flow table (open addressing) — the same header parse
 * and flow counting that ucaudit's hot path does, without classification or inspection.
 * Build: gcc -O2 -o pcap_flowcount pcap_flowcount.c -lpcap      Usage: pcap_flowcount FILE
 */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct key { uint8_t a[16], b[16]; uint16_t pa, pb; uint8_t proto, fam; };
struct slot { struct key k; uint64_t packets, bytes; int used; };

#define CAP (1u << 20)
static struct slot table[CAP];
static unsigned flows;

static uint64_t hash(const struct key *k) {
    const uint8_t *p = (const uint8_t *) k;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < sizeof *k; i++) { h ^= p[i]; h *= 1099511628211ull; }
    return h;
}

static void count(const uint8_t *src, const uint8_t *dst, int alen, int sp, int dp, int proto, int fam, uint32_t len) {
    struct key k;
    memset(&k, 0, sizeof k);
    int c = memcmp(src, dst, alen);
    if (c == 0) c = sp - dp;
    if (c <= 0) { memcpy(k.a, src, alen); memcpy(k.b, dst, alen); k.pa = sp; k.pb = dp; }
    else { memcpy(k.a, dst, alen); memcpy(k.b, src, alen); k.pa = dp; k.pb = sp; }
    k.proto = proto; k.fam = fam;
    for (uint64_t i = hash(&k) & (CAP - 1);; i = (i + 1) & (CAP - 1)) {
        struct slot *s = &table[i];
        if (!s->used) { s->used = 1; s->k = k; flows++; }
        if (memcmp(&s->k, &k, sizeof k) == 0) { s->packets++; s->bytes += len; return; }
    }
}

int main(int argc, char **argv) {
    char err[PCAP_ERRBUF_SIZE];
    if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 2; }
    pcap_t *p = pcap_open_offline(argv[1], err);
    if (!p) { fprintf(stderr, "%s\n", err); return 2; }
    if (pcap_datalink(p) != DLT_EN10MB) { fprintf(stderr, "Ethernet only\n"); return 2; }
    struct pcap_pkthdr *h;
    const u_char *d;
    unsigned long packets = 0, ip = 0;
    int r;
    while ((r = pcap_next_ex(p, &h, &d)) == 1) {
        packets++;
        uint32_t n = h->caplen, off = 14;
        if (n < 14) continue;
        unsigned et = d[12] << 8 | d[13];
        while ((et == 0x8100 || et == 0x88a8) && n >= off + 4) { et = d[off + 2] << 8 | d[off + 3]; off += 4; }
        int proto, fam, alen, sp = -1, dp = -1;
        const uint8_t *src, *dst;
        uint32_t t;
        if (et == 0x0800 && n >= off + 20) {
            unsigned ihl = (d[off] & 15) * 4;
            proto = d[off + 9]; fam = 4; alen = 4; src = d + off + 12; dst = d + off + 16;
            int frag = ((d[off + 6] & 0x1f) << 8 | d[off + 7]) != 0;
            t = off + ihl;
            if (frag) t = n; /* later fragments carry no ports */
        } else if (et == 0x86dd && n >= off + 40) {
            proto = d[off + 6]; fam = 6; alen = 16; src = d + off + 8; dst = d + off + 24; t = off + 40;
        } else continue;
        ip++;
        if ((proto == 6 || proto == 17) && n >= t + 4) { sp = d[t] << 8 | d[t + 1]; dp = d[t + 2] << 8 | d[t + 3]; }
        count(src, dst, alen, sp, dp, proto, fam, h->len);
    }
    if (r == PCAP_ERROR) fprintf(stderr, "%s\n", pcap_geterr(p));
    printf("%lu packets, %lu IP, %u flows\n", packets, ip, flows);
    pcap_close(p);
    return 0;
}
