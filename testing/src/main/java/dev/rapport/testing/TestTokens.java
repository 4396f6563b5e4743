package dev.rapport.testing;

import dev.rapport.local.Tokens;

/**
 * Tokens for tests, signed with the key the test infrastructure told the services to trust. Workspaces and
 * users are whatever a test names them.
 */
public final class TestTokens {
    private TestTokens() {
    }

    public static String member(String workspace) {
        return sign(Tokens.Spec.of(workspace, "member-of-" + workspace, "member"));
    }

    public static String admin(String workspace) {
        return sign(Tokens.Spec.of(workspace, "admin-of-" + workspace, "admin"));
    }

    /** A second member of the same workspace, to check what one user's private contacts hide from another. */
    public static String otherMember(String workspace) {
        return sign(Tokens.Spec.of(workspace, "other-member-of-" + workspace, "member"));
    }

    public static String reader(String workspace) {
        return sign(Tokens.Spec.of(workspace, "reader-of-" + workspace, "reader"));
    }

    public static String sign(Tokens.Spec spec) {
        return Tokens.sign(spec, TestInfrastructure.keys().privateKey());
    }
}
