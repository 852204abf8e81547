package dev.ucaudit.roles;

/** The packet a piece of evidence came from: input name, packet number in it (1-based), capture time. */
public record Where(String input, long packet, long timeNanos) {
    public String text() {
        return input + " #" + packet;
    }
}
