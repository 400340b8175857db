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

    /**
     * {@link #oneEnroll()} plus the test-only EJB module {@code oneenroll-it-callers.jar}: {@code @RunAs} beans that
     * call the boundaries as a given staff member (package {@code org.oneenroll.it.callers}), listed in the
     * EAR's application.xml like the real modules.
     */
    public static EnterpriseArchive withCallers() {
        EnterpriseArchive ear = oneEnroll();
        String module = "oneenroll-it-callers.jar";
        ear.addAsModule(ShrinkWrap.create(JavaArchive.class, module)
                .addPackage(org.oneenroll.it.callers.Caller.class.getPackage()));
        org.jboss.shrinkwrap.api.Node descriptor = ear.get("META-INF/application.xml");
        String xml;
        try (java.io.InputStream in = descriptor.getAsset().openStream()) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the EAR's application.xml", e);
        }
        // Modules come before <library-directory> in the descriptor's schema.
        int at = xml.indexOf("<library-directory>");
        int end = at >= 0 ? at : xml.lastIndexOf("</application>");
        xml = xml.substring(0, end) + "<module>\n    <ejb>" + module + "</ejb>\n  </module>\n  " + xml.substring(end);
        ear.delete("META-INF/application.xml");
        ear.setApplicationXML(new org.jboss.shrinkwrap.api.asset.StringAsset(xml));
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
