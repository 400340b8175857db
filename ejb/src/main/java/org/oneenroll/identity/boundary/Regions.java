package org.oneenroll.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;

/** China's divisions as the national list has them: look-ups by code and the children of a division. */
@Stateless
public class Regions {

    @PersistenceContext
    EntityManager em;

    public Optional<Region> find(String code) {
        return Optional.ofNullable(em.find(Region.class, code));
    }

    /** The region of a valid code, or a refusal that says the code is not in the national list. */
    public Region require(RegionCode code) {
        return find(code.value())
                .orElseThrow(() -> new InvalidValueException("regionCode", "region.unknown", code.value()));
    }

    public boolean isKnown(String code) {
        return find(code).isPresent();
    }

    public List<Region> children(String parentCode) {
        return em.createNamedQuery(Region.CHILDREN, Region.class)
                .setParameter("parent", parentCode)
                .getResultList();
    }

    /** "甘肃省 兰州市 榆中县" for a county code, for headings and addresses. */
    public String fullName(RegionCode county) {
        StringBuilder name = new StringBuilder();
        for (RegionCode level : List.of(county.province(), county.city(), county)) {
            find(level.value()).ifPresent(r -> {
                if (name.indexOf(r.name()) < 0) {
                    name.append(name.length() == 0 ? "" : " ").append(r.name());
                }
            });
        }
        return name.toString();
    }

    public long count() {
        return em.createQuery("select count(r) from Region r", Long.class).getSingleResult();
    }
}
