package org.oneenroll.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The deployment every integration test uses: the real oneenroll.ear the build made, plus the tests. */
public final class Deployments {

    private Deployments() {}

    public static EnterpriseArchive oneEnroll() {
        File built = new File(System.getProperty("oneenroll.ear", "target/oneenroll.ear"));
        EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, "oneenroll.ear")
                .importFrom(built)
                .as(EnterpriseArchive.class);
        ear.addAsLibrary(
                ShrinkWrap.create(JavaArchive.class, "oneenroll-it.jar").addPackage(Deployments.class.getPackage()));
        // Test-only libraries the in-container tests use (awaiting asynchronous effects).
        ear.addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class));
        return ear;
    }

    /** The jar on this (client) class path that holds {@code type}. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type, e);
        }
    }
}
