package org.oneenroll.simulator.population;

import java.util.List;

/**
 * Everything the eleven government data sources of seed 001 附件3 hold about one family; a list is empty when a
 * source has nothing (or, for injected defects, lost it).
 */
public record GovRecords(
        List<HukouRecord> hukou,
        List<ResidencePermitRecord> residencePermits,
        List<RealEstateTitleRecord> realEstateTitles,
        List<PurchaseContractRecord> purchaseContracts,
        List<RentalRegistrationRecord> rentalRegistrations,
        List<AffordableHousingRecord> affordableHousing,
        List<IndividualBusinessLicenceRecord> individualBusinessLicences,
        List<EnterpriseLicenceRecord> enterpriseLicences,
        List<SocialInsuranceRecord> socialInsurance,
        List<MarriageRecord> marriages,
        List<BirthCertificateRecord> birthCertificates) {}
