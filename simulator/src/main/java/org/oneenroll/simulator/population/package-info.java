/**
 * Deterministic county layout (towns, address units, schools, catchment zones) and population (families
 * with the records every government data source holds about them) for demos, tests and benchmarks.
 *
 * <p>Everything is a pure function of a seed: {@link org.oneenroll.simulator.population.CountyLayoutGenerator}
 * builds a county from its real towns, and {@link org.oneenroll.simulator.population.PopulationGenerator}
 * derives family {@code i} from {@code (seed, i)} alone, so populations of any size stream in parallel and
 * any family can be regenerated or found by an identity number without keeping the population in memory.
 * Injected defects are recorded on each family, so tests know the truth the system should discover.
 */
package org.oneenroll.simulator.population;
