package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;

/**
 * What one address said (or was said to be) about its role: the claimed role (a catalog role name),
 * what was seen ("answers SCCP RegisterAck"), its strength, how many messages said it and where it
 * was first seen.
 */
public record Evidence(IpAddress address, String role, String what, Strength strength, long messages, Where first) {
}
