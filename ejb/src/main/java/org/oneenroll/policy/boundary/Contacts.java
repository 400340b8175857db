package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;

/** Where parents ask and complain: the bureau, its counter and hours, the hotline and the 12345 routes. */
public record Contacts(
        String countyName,
        String bureau,
        String address,
        String hours,
        String hotline,
        String portal,
        String app,
        List<String> complaintRoutes)
        implements Serializable {}
