package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * Where parents ask and complain: the bureau, its counter and hours, the hotline, the 12345 routes and the bureau's
 * e-mail (empty when it has none).
 */
public record Contacts(
        String countyName,
        String bureau,
        String address,
        String hours,
        String hotline,
        String portal,
        String app,
        List<String> complaintRoutes,
        String email)
        implements Serializable {}
