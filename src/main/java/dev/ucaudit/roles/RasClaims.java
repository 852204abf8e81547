package dev.ucaudit.roles;

import java.util.List;

/**
 * H.225 RAS (UDP 1719), PER-encoded: the first byte holds the RasMessage CHOICE (an extension bit,
 * then a 5-bit index). Endpoints (gateways, CUCM's gatekeeper-controlled trunks) send GRQ, RRQ and
 * ARQ; only a gatekeeper answers GCF/GRJ, RCF/RRJ and ACF/ARJ.
 */
public final class RasClaims {
    private static final String[] NAMES = {"GRQ", "GCF", "GRJ", "RRQ", "RCF", "RRJ", "URQ", "UCF", "URJ", "ARQ", "ACF",
        "ARJ", "BRQ", "BCF", "BRJ", "DRQ", "DCF", "DRJ", "LRQ", "LCF", "LRJ", "IRQ", "IRR", "nonStandard",
        "unknownMessageResponse"};

    private RasClaims() {
    }

    public static Scan read(byte[] b, int off, int len, List<Claim> out) {
        if (len < 3) {
            return Scan.NEEDS_MORE;
        }
        int first = b[off] & 0xff;
        if ((first & 0x80) != 0) {
            return Scan.INVALID; // an extension alternative: not one of the messages read here
        }
        int index = (first & 0x7c) >> 2;
        if (index >= NAMES.length) {
            return Scan.INVALID;
        }
        String name = NAMES[index];
        switch (name) {
            case "GCF", "GRJ", "RCF", "RRJ", "ACF", "ARJ" -> {
                out.add(Claim.source("gatekeeper", "answers H.225 RAS " + name, Strength.STRONG));
                out.add(Claim.destination("gateway", "answered H.225 RAS " + name + " (an H.323 endpoint)", Strength.WEAK));
            }
            case "GRQ", "RRQ", "ARQ" -> {
                out.add(Claim.source("gateway", "sends H.225 RAS " + name + " (an H.323 endpoint: gateway or CUCM trunk)",
                        Strength.WEAK));
                out.add(Claim.destination("gatekeeper", "receives H.225 RAS " + name + " (named gatekeeper)", Strength.WEAK));
            }
            default -> {
                // other RAS messages say nothing about roles here
            }
        }
        return Scan.DETECTED;
    }
}
