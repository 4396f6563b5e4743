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

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private DevKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    public static DevKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve("jwt-private.pem");
        Path publicFile = directory.resolve("jwt-public.pem");
        try {
            if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            byte[] encoded = der(Files.readString(privateFile));
            return new DevKeys(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded)),
                    publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the development keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable development keys in " + directory, e);
        }
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

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
