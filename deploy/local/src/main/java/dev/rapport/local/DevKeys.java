package dev.rapport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The development signing key pair: generated on first use, kept as PEM files in a directory so the local
 * stack's tokens stay valid across restarts. Services trust the public key; {@link Tokens} signs with the
 * private one. Never used outside local runs and tests.
 */
public final class DevKeys {

    public static final String ISSUER = "https://rapport.local/dev";
    public static final String AUDIENCE = "rapport";
    private static final String PRIVATE_FILE = "jwt-private.pem";
    private static final String PUBLIC_FILE = "jwt-public.pem";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private DevKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Where a local stack's data directory keeps its key pair. */
    public static Path directoryIn(Path dataDir) {
        return dataDir.resolve("keys");
    }

    public static boolean existIn(Path directory) {
        return Files.isRegularFile(directory.resolve(PRIVATE_FILE)) && Files.isRegularFile(directory.resolve(PUBLIC_FILE));
    }

    public static DevKeys loadOrCreate(Path directory) {
        try {
            if (!existIn(directory)) {
                create(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate development keys", e);
        }
        return load(directory);
    }

    /** Only a key pair that already exists: signing with a new one would make tokens nobody trusts. */
    public static DevKeys load(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        try {
            OwnerOnly.tighten(directory, privateFile);
            byte[] encoded = der(Files.readString(privateFile));
            return new DevKeys(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded)),
                    directory.resolve(PUBLIC_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the development keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable development keys in " + directory, e);
        }
    }

    private static void create(Path directory) throws IOException, GeneralSecurityException {
        OwnerOnly.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(directory.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        OwnerOnly.writeString(directory.resolve(PRIVATE_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** For {@code mp.jwt.verify.publickey.location}. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(Files.readString(publicKeyFile))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Names the public key ({@code SHA256:} and the base64 digest of its encoding, as ssh does), so a running stack
     * and the token minter can tell whether they hold the same pair without exchanging keys.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey().getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
