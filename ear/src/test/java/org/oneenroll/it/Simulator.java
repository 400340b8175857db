package org.oneenroll.it;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The simulated government data platform's admin side, for tests: wait for it, switch faults, read what was
 * asked (the platform logs each query by a SHA-256 hash of the identity number, docs/simulator.md).
 */
public final class Simulator extends SimulatorAdmin {

    public Simulator() {
        super(System.getProperty("oneenroll.govdata.url"));
    }

    /** What the platform was asked about the person with this identity number, oldest first. */
    public List<JsonObject> queriesAbout(String idNumber) {
        return list("/admin/queries?limit=1000&idHash=" + encode(hash(idNumber)), "queries");
    }

    static String hash(String idNumber) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
