package dev.rapport.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code deploy/local/token}: prints a development token the local stack's services accept.
 * Options: {@code --workspace=demo --user=demo-user --roles=member,admin --ttl=P30D --data-dir=~/.rapport/local}.
 */
public final class MintToken {
    private MintToken() {
    }

    public static void main(String[] args) {
        Launcher.Options options = new Launcher.Options(args);
        Path dataDir = Path.of(options.get("data-dir",
                Path.of(System.getProperty("user.home"), ".rapport", "local").toString()));
        Duration ttl = Duration.parse(options.get("ttl", "P30D"));
        Instant now = Instant.now();
        Tokens.Spec spec = new Tokens.Spec(DevKeys.ISSUER, DevKeys.AUDIENCE, options.get("user", "demo-user"),
                options.get("workspace", "demo"), List.of(options.get("roles", "member,admin").split(",")),
                now, now.minusSeconds(5), now.plus(ttl));
        System.out.println(Tokens.sign(spec, DevKeys.loadOrCreate(dataDir.resolve("keys")).privateKey()));
    }
}
