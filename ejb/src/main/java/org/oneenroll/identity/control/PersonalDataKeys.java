package org.oneenroll.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Loads the personal-data keys from a file outside the repository and the deployment (system property or
 * environment {@code oneenroll.keys.file} / {@code ONEENROLL_KEYS_FILE}). Demo and test servers set
 * {@code oneenroll.keys.generate=true} and get a fresh key file on first start; production never does.
 */
@ApplicationScoped
public class PersonalDataKeys {

    private static final Logger LOG = Logger.getLogger(PersonalDataKeys.class.getName());
    static final String FILE_PROPERTY = "oneenroll.keys.file";
    static final String GENERATE_PROPERTY = "oneenroll.keys.generate";

    private PersonalDataCipher cipher;

    @PostConstruct
    void load() {
        String file = System.getProperty(FILE_PROPERTY, System.getenv("ONEENROLL_KEYS_FILE"));
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("Set -D" + FILE_PROPERTY
                    + "=<path> (or ONEENROLL_KEYS_FILE): the personal-data" + " key file; see docs/operations.md");
        }
        cipher = load(Path.of(file), Boolean.getBoolean(GENERATE_PROPERTY));
    }

    @Produces
    public PersonalDataCipher cipher() {
        return cipher;
    }

    /** Reads the key file, creating it with new random keys first when allowed and missing. */
    public static PersonalDataCipher load(Path file, boolean generateIfMissing) {
        try {
            if (!Files.exists(file)) {
                if (!generateIfMissing) {
                    throw new IllegalStateException("The personal-data key file " + file + " does not exist");
                }
                generate(file);
                LOG.warning(() -> "Generated new personal-data keys in " + file + " (demo/test only)");
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            Base64.Decoder b64 = Base64.getDecoder();
            Map<Byte, byte[]> sm4 = new HashMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("sm4.key.")) {
                    sm4.put(
                            Byte.parseByte(name.substring("sm4.key.".length())),
                            b64.decode(p.getProperty(name).strip()));
                }
            }
            byte active = Byte.parseByte(p.getProperty("sm4.active", "1").strip());
            return new PersonalDataCipher(
                    active, sm4, b64.decode(p.getProperty("hmac.key", "").strip()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the personal-data key file " + file, e);
        }
    }

    static void generate(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] sm4 = new byte[16];
        byte[] hmac = new byte[32];
        random.nextBytes(sm4);
        random.nextBytes(hmac);
        Base64.Encoder b64 = Base64.getEncoder();
        String text = "# OneEnroll personal-data keys. Keep outside the repository; losing them loses the data.\n"
                + "sm4.active=1\nsm4.key.1=" + b64.encodeToString(sm4) + "\nhmac.key=" + b64.encodeToString(hmac)
                + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the operator protects the file.
        }
    }
}
