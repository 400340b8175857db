package org.oneenroll.policy.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.School;

/** The county's schools: registering one and listing them. */
@Stateless
public class Schools {

    @PersistenceContext
    EntityManager em;

    public School register(School school) {
        em.persist(school);
        return school;
    }

    public List<School> ofCounty(RegionCode county) {
        return em.createNamedQuery(School.BY_COUNTY, School.class)
                .setParameter("county", county)
                .getResultList();
    }

    public Optional<School> byCode(String code) {
        return em.createNamedQuery(School.BY_CODE, School.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }
}
