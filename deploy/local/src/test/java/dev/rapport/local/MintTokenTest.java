package dev.rapport.local;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MintTokenTest {

    @TempDir
    Path dataDir;
    private DevKeys keys;

    @BeforeEach
    void theLauncherMadeAKey() {
        keys = DevKeys.loadOrCreate(DevKeys.directoryIn(dataDir));
    }

    @Test
    void mintsWithTheKeyInTheDataDirectory() throws Exception {
        Result result = mint("--data-dir=" + dataDir, "--workspace=acme.eu_2-b", "--user=alice", "--roles=member, reader",
                "--ttl=PT1H");
        assertEquals(0, result.code, result.err);
        JwtClaims claims = verify(result.out.strip());
        assertEquals("acme.eu_2-b", claims.getStringClaimValue(Tokens.WORKSPACE_CLAIM));
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("member", "reader"), claims.getStringListClaimValue("groups"));
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void findsTheDataDirectoryWhereTheLauncherDoes() throws Exception {
        Result result = mint(Map.of("RAPPORT_DATA_DIR", dataDir.toString()));
        assertEquals(0, result.code, result.err);
        assertEquals("demo", verify(result.out.strip()).getStringClaimValue(Tokens.WORKSPACE_CLAIM));
    }

    @Test
    void neverMakesAKeyOfItsOwn(@TempDir Path elsewhere) {
        Result result = mint("--data-dir=" + elsewhere);
        assertEquals(1, result.code);
        assertEquals("", result.out);
        assertEquals("rapport: no signing key in " + elsewhere + ": start the stack with deploy/local/run --data-dir="
                + elsewhere + " first, or pass --data-dir", result.err.strip());
        assertFalse(DevKeys.existIn(DevKeys.directoryIn(elsewhere)));
    }

    @Test
    void refusesAKeyThatIsNotTheRunningStacks() throws Exception {
        StackState.ofThisProcess("SHA256:another-key", Map.of()).write(dataDir);
        Result result = mint("--data-dir=" + dataDir);
        assertEquals(1, result.code);
        assertEquals("", result.out);
        assertTrue(result.err.contains("is not the one the stack running from " + dataDir), result.err);
    }

    @Test
    void signsQuietlyForTheRunningStack() throws Exception {
        StackState.ofThisProcess(keys.fingerprint(), Map.of()).write(dataDir);
        Result result = mint("--data-dir=" + dataDir);
        assertEquals(0, result.code);
        assertEquals("", result.err);
    }

    @Test
    void aStackFileLeftByAKilledLauncherNamesNoRunningStack() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        new StackState(ended.pid(), ended.info().startInstant().map(Object::toString).orElse(null), "SHA256:old-key",
                Map.of()).write(dataDir);
        assertTrue(StackState.running(dataDir).isEmpty());
        assertEquals(0, mint("--data-dir=" + dataDir).code);
    }

    @Test
    void saysSoWhenNoStackRunsFromTheDataDirectory() {
        Result result = mint("--data-dir=" + dataDir);
        assertEquals(0, result.code);
        assertTrue(result.err.startsWith("rapport: note: no stack is running from " + dataDir), result.err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--workspace=", "--workspace= ", "--workspace=-acme", "--workspace=.acme", "--workspace=ac me",
            "--workspace=acme/eu", "--workspace=äcme", "--workspace=a234567890123456789012345678901234567890123456789012345678901234",
            "--user=", "--roles=", "--roles=member,", "--ttl=", "--ttl=PT0S", "--ttl=-PT1H", "--ttl=tomorrow", "--ttl=30d",
            "--worksapce=acme", "--data-dir=", "acme", "--workspace"})
    void aWrongArgumentIsOneLineAndTheUsage(String argument) {
        Result result = mint("--data-dir=" + dataDir, argument);
        assertEquals(2, result.code, result.err);
        assertEquals("", result.out);
        String[] lines = result.err.split("\n");
        assertTrue(lines[0].startsWith("rapport: ") && !lines[0].contains("Exception"), lines[0]);
        assertTrue(lines[1].startsWith("usage: deploy/local/token"), result.err);
    }

    @Test
    void theLongestWorkspaceIdIsSixtyThreeCharacters() throws Exception {
        String workspace = "a".repeat(63);
        Result result = mint("--data-dir=" + dataDir, "--workspace=" + workspace);
        assertEquals(0, result.code, result.err);
        assertEquals(workspace, verify(result.out.strip()).getStringClaimValue(Tokens.WORKSPACE_CLAIM));
    }

    @Test
    void helpIsTheUsage() {
        Result result = mint("--help");
        assertEquals(0, result.code);
        assertTrue(result.out.startsWith("usage: deploy/local/token"), result.out);
    }

    @Test
    void thePrivateKeyIsTheOwnersAlone() throws Exception {
        Path privateKey = DevKeys.directoryIn(dataDir).resolve("jwt-private.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        // A key written before this rule is narrowed on its next use.
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, mint("--data-dir=" + dataDir).code);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(DevKeys.directoryIn(dataDir))));
    }

    private JwtClaims verify(String token) throws Exception {
        return new JwtConsumerBuilder().setVerificationKey(keys.publicKey()).setExpectedIssuer(DevKeys.ISSUER)
                .setExpectedAudience(DevKeys.AUDIENCE).build().processToClaims(token);
    }

    private static Result mint(String... args) {
        return mint(Map.of(), args);
    }

    private static Result mint(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MintToken.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
