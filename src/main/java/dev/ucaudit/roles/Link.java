package dev.ucaudit.roles;

/**
 * What one message says about a pair of hosts: a {@link Relation} whose anchor is the message's
 * sender ({@link Claim.About#SOURCE}) or its destination ({@link Claim.About#DESTINATION}); the
 * subject is the other end.
 */
public record Link(Relation relation, Claim.About anchor) {
    public Link {
        if (anchor == Claim.About.NAMED) {
            throw new IllegalArgumentException("a link is between a message's two ends");
        }
    }
}
