package dev.ucaudit.inspect.tftp;

/** A TFTP read (opcode 1) or write (opcode 2) request (RFC 1350). */
public record TftpRequest(int opcode, String filename, String mode) {
    public boolean isRead() {
        return opcode == 1;
    }
}
