package dev.rapport.local;

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

    public static String reader(String workspace) {
        return sign(Tokens.Spec.of(workspace, "reader-of-" + workspace, "reader"));
    }

    public static String sign(Tokens.Spec spec) {
        return Tokens.sign(spec, TestInfrastructure.keys().privateKey());
    }
}
