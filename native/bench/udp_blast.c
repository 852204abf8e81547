/*
 * udp_blast: sends UDP datagrams of PAYLOAD bytes to 127.0.0.1:PORT at RATE packets per second for
 * SECONDS, in sendmmsg bursts paced on the monotonic clock, to a socket of its own that never reads
 * (so the kernel drops them quietly at the receiver: no ICMP port-unreachable traffic).
 * Prints: sent=<packets> seconds=<elapsed> rate=<achieved pps>
 * Build: gcc -O2 -o udp_blast udp_blast.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: udp_blast PORT RATE SECONDS [PAYLOAD]\n");
        return 2;
    }
    int port = atoi(argv[1]);
    double rate = atof(argv[2]);
    double seconds = atof(argv[3]);
    int payload = argc > 4 ? atoi(argv[4]) : 172; /* an RTP G.711 20 ms packet: 12 + 160 */
    struct sockaddr_in dst = {0};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(port);
    dst.sin_addr.s_addr = htonl(0x7f000001);
    int sink = socket(AF_INET, SOCK_DGRAM, 0);
    if (bind(sink, (struct sockaddr *) &dst, sizeof dst) != 0) {
        perror("bind");
        return 2;
    }
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (connect(s, (struct sockaddr *) &dst, sizeof dst) != 0) {
        perror("connect");
        return 2;
    }
    enum { BURST = 16 };
    static unsigned char buf[BURST][2048];
    struct mmsghdr msgs[BURST];
    struct iovec iov[BURST];
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < BURST; i++) {
        memset(buf[i], 0x80, sizeof buf[i]);
        iov[i].iov_base = buf[i];
        iov[i].iov_len = payload;
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
    }
    long sent = 0;
    long target = (long) (rate * seconds);
    double start = now();
    while (sent < target) {
        double due = start + (double) sent / rate; /* when packet number `sent` is due */
        double t = now();
        if (t < due) {
            double wait = due - t;
            if (wait > 0.0002) {
                struct timespec ts = {0, (long) (wait * 1e9)};
                nanosleep(&ts, NULL);
            }
            continue;
        }
        int n = BURST;
        if (target - sent < n) n = (int) (target - sent);
        for (int i = 0; i < n; i++) {
            long seq = sent + i;
            memcpy(buf[i] + 4, &seq, sizeof seq);
        }
        int r = sendmmsg(s, msgs, n, 0);
        if (r > 0) sent += r;
    }
    double el = now() - start;
    printf("sent=%ld seconds=%.3f rate=%.0f\n", sent, el, sent / el);
    return 0;
}
