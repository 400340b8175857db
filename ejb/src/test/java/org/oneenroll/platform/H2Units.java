package org.oneenroll.platform;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import org.oneenroll.identity.CipherInjectingBeans;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.platform.control.Migrations;

/**
 * Test only: a boundary's persistence unit (the test {@code META-INF/persistence.xml}) on an in-memory H2 database built
 * by the real migrations, as the boundary tests outside the server use it.
 */
public final class H2Units {

    private H2Units() {}

    /** Builds the schema at {@code url} with the application's migrations. */
    public static void migrate(String url) {
        Migrations.configure().dataSource(url, "sa", "").load().migrate();
    }

    /** The unit on {@code url}, for entities without sealed columns. */
    public static EntityManagerFactory open(String unit, String url) {
        return open(unit, url, null);
    }

    /**
     * The unit on {@code url}; with a {@code cipher}, the sealing converters and the look-up digest listener get it as
     * the container would inject it.
     */
    public static EntityManagerFactory open(String unit, String url, PersonalDataCipher cipher) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", "sa");
        properties.put("jakarta.persistence.jdbc.password", "");
        if (cipher != null) {
            properties.put("hibernate.resource.beans.container", new CipherInjectingBeans(cipher));
        }
        return Persistence.createEntityManagerFactory(unit, properties);
    }
}
