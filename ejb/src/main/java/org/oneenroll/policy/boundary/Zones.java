package org.oneenroll.policy.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.Stage;

/** Catchment zones: drawing them over address units and finding the zone an address falls in. */
@Stateless
public class Zones {

    @PersistenceContext
    EntityManager em;

    public CatchmentZone define(CatchmentZone zone) {
        em.persist(zone);
        return zone;
    }

    public List<CatchmentZone> ofCounty(RegionCode county) {
        return em.createNamedQuery(CatchmentZone.BY_COUNTY, CatchmentZone.class)
                .setParameter("county", county)
                .getResultList();
    }

    /** How many zones each stage has in the county (the public home page shows it on every visit). */
    public Map<Stage, Long> countByStage(RegionCode county) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        em.createQuery(
                        "select z.stage, count(z) from CatchmentZone z where z.county = :county group by z.stage",
                        Object[].class)
                .setParameter("county", county)
                .getResultList()
                .forEach(r -> counts.put((Stage) r[0], (Long) r[1]));
        return counts;
    }

    /** The zone of the given stage that covers an address, if any. */
    public Optional<CatchmentZone> covering(Address address, Stage stage) {
        return em.createQuery(
                        "select z from CatchmentZone z join z.unitKeys u where u = :unit and z.stage = :stage",
                        CatchmentZone.class)
                .setParameter("unit", address.unitKey())
                .setParameter("stage", stage)
                .getResultStream()
                .findFirst();
    }

    /** Address units claimed by more than one zone of the same stage: the plan check refuses these. */
    public Map<String, Long> unitsInSeveralZones(RegionCode county, Stage stage) {
        List<Object[]> rows = em.createQuery(
                        "select u, count(z) from CatchmentZone z join z.unitKeys u"
                                + " where z.county = :county and z.stage = :stage group by u having count(z) > 1",
                        Object[].class)
                .setParameter("county", county)
                .setParameter("stage", stage)
                .getResultList();
        Map<String, Long> result = new TreeMap<>();
        rows.forEach(r -> result.put((String) r[0], (Long) r[1]));
        return result;
    }
}
