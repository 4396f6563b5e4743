package dev.rapport.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code deploy/local/token}: prints a development token the local stack's services accept, signed with the key
 * the launcher made in its data directory. It never makes a key itself: a token signed with a key no stack trusts
 * would only ever earn a 401.
 */
public final class MintToken {

    static final Set<String> OPTIONS = Set.of("workspace", "user", "roles", "ttl", Options.DATA_DIR);
    static final String USAGE = """
            usage: deploy/local/token [--data-dir=DIR] [--workspace=demo] [--user=demo-user] [--roles=member,admin] [--ttl=P30D]
              --data-dir   the data directory the stack was started with (default: RAPPORT_DATA_DIR or ~/.rapport/local)
              --workspace  1-63 letters, digits, '.', '_' or '-', starting with a letter or digit
              --user       the token's subject
              --roles      comma-separated: member and admin read and write, reader only reads
              --ttl        how long the token is valid: an ISO-8601 duration above zero, e.g. PT1H or P30D
            """;

    private MintToken() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The token on {@code out}, or what is wrong on {@code err}; returns the exit code (2 for a usage error). */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Tokens.Spec spec;
        Path dataDir;
        try {
            Options options = Options.parse(args, OPTIONS, environment);
            if (options.help()) {
                out.print(USAGE);
                return 0;
            }
            spec = spec(options);
            dataDir = options.dataDir();
        } catch (Options.UsageException e) {
            return Options.usageError(e, USAGE, err);
        }
        Path keyDir = DevKeys.directoryIn(dataDir);
        if (!DevKeys.existIn(keyDir)) {
            err.println("rapport: no signing key in " + dataDir + ": start the stack with deploy/local/run "
                    + Launcher.shellWord("--data-dir=" + dataDir) + " first, or pass --data-dir");
            return 1;
        }
        DevKeys keys = DevKeys.load(keyDir);
        Optional<StackState> stack = StackState.running(dataDir);
        if (stack.isPresent() && !stack.get().keyFingerprint().equals(keys.fingerprint())) {
            err.println("rapport: the key in " + keyDir + " is not the one the stack running from " + dataDir
                    + " (process " + stack.get().pid() + ") trusts: it was replaced after the stack started; restart the stack");
            return 1;
        }
        if (stack.isEmpty()) {
            err.println("rapport: note: no stack is running from " + dataDir + "; this token is accepted once "
                    + "deploy/local/run " + Launcher.shellWord("--data-dir=" + dataDir) + " runs");
        }
        out.println(Tokens.sign(spec, keys.privateKey()));
        return 0;
    }

    private static Tokens.Spec spec(Options options) throws Options.UsageException {
        String workspace = options.get("workspace", "demo");
        if (!Tokens.WORKSPACE_ID.matcher(workspace).matches()) {
            throw new Options.UsageException("--workspace must be 1-63 letters, digits, '.', '_' or '-', starting with "
                    + "a letter or digit; got '" + workspace + "'");
        }
        String user = options.get("user", "demo-user");
        if (user.isBlank()) {
            throw new Options.UsageException("--user must name a user");
        }
        List<String> roles = Arrays.stream(options.get("roles", "member,admin").split(",", -1)).map(String::trim).toList();
        if (roles.stream().anyMatch(String::isEmpty)) {
            throw new Options.UsageException("--roles must be role names separated by commas, e.g. member,admin");
        }
        return Tokens.Spec.of(workspace, user, roles.toArray(String[]::new)).lasting(ttl(options.get("ttl", "P30D")));
    }

    private static Duration ttl(String value) throws Options.UsageException {
        try {
            Duration ttl = Duration.parse(value);
            if (!ttl.isNegative() && !ttl.isZero()) {
                return ttl;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new Options.UsageException("--ttl must be an ISO-8601 duration above zero, e.g. PT1H or P30D; got '"
                + value + "'");
    }
}
