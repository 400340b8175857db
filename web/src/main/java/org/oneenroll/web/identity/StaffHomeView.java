package org.oneenroll.web.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;

/** The signed-in staff member's start page: who they are, their roles and the region they work in. */
@Named
@RequestScoped
public class StaffHomeView {

    @Inject
    SecurityContext securityContext;

    @Inject
    StaffAccounts accounts;

    @Inject
    Regions regions;

    private String displayName;
    private String regionName;
    private List<String> roles = List.of();
    private String schoolCode;

    @PostConstruct
    void init() {
        if (securityContext.getCallerPrincipal() == null) {
            return;
        }
        accounts.findByUsername(securityContext.getCallerPrincipal().getName()).ifPresent(this::show);
    }

    private void show(StaffAccount account) {
        displayName = account.displayName();
        regionName = regions.fullName(account.region());
        roles = account.roles().stream().map(StaffRole::name).toList();
        schoolCode = account.schoolCode();
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getRegionName() {
        return regionName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public String getSchoolCode() {
        return schoolCode;
    }
}
