package dev.rapport.kit.tenancy;

/** Roles from the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    /** Read-only: every write is a 403. */
    public static final String READER = "reader";

    private Roles() {
    }
}
