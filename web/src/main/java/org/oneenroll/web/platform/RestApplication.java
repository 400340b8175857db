package org.oneenroll.web.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST entry point: health now, the provincial platform's resources later, all under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {}
