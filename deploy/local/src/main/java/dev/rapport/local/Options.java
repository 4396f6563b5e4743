package dev.rapport.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code deploy/local/run} and {@code deploy/local/token}: {@code --name=value} arguments over
 * {@code RAPPORT_NAME} environment variables (upper case, dashes as underscores) over defaults. A name the command
 * does not know is a {@link UsageException}, never a silently ignored typo.
 */
final class Options {

    /** Where the launcher keeps its data and the token minter finds the signing key, unless told otherwise. */
    static final String DATA_DIR = "data-dir";

    private final Map<String, String> given;
    private final Map<String, String> environment;
    private final boolean help;

    private Options(Map<String, String> given, Map<String, String> environment, boolean help) {
        this.given = given;
        this.environment = environment;
        this.help = help;
    }

    static Options parse(String[] args, Set<String> known, Map<String, String> environment) throws UsageException {
        Map<String, String> given = new HashMap<>();
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new UsageException("unknown argument " + arg + " (expected --name=value)");
            }
            String name = arg.substring(2, eq);
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            given.put(name, arg.substring(eq + 1));
        }
        return new Options(given, environment, help);
    }

    boolean help() {
        return help;
    }

    /**
     * A value given on the command line is taken as is, even empty (so {@code --workspace=} is an error, not the
     * default); an empty environment variable counts as unset, as shells usually mean it.
     */
    String get(String name, String fallback) {
        String value = given.get(name);
        if (value != null) {
            return value;
        }
        value = environment.get("RAPPORT_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        return value == null || value.isBlank() ? fallback : value;
    }

    int port(String name, int fallback) throws UsageException {
        String value = get(name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a port number (1-65535), got '" + value + "'");
    }

    /** The same default for the launcher and the token minter, so a token is signed with the key the stack trusts. */
    Path dataDir() throws UsageException {
        String value = get(DATA_DIR, Path.of(System.getProperty("user.home"), ".rapport", "local").toString());
        if (value.isBlank()) {
            throw new UsageException("--" + DATA_DIR + " must name a directory");
        }
        // "--data-dir=~/x" reaches us unexpanded: the shell expands a tilde only at the start of a word.
        if (value.equals("~") || value.startsWith("~/")) {
            value = System.getProperty("user.home") + value.substring(1);
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** One line saying what was wrong, then how the command is used; returns the exit code for it. */
    static int usageError(UsageException e, String usage, PrintStream err) {
        err.println("rapport: " + e.getMessage());
        err.print(usage);
        return 2;
    }

    /** A mistake on the command line: one line saying what, then the usage; exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
