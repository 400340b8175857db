/**
 * The provincial government data-sharing platform (政务数据共享平台) simulator: the eleven data sources of seed 001
 * 附件3 over HTTP/JSON, answering from the population generator's records, with app keys, per-source latency,
 * concurrency caps and injected faults, and a query log tests can inspect.
 *
 * <p>{@link org.oneenroll.simulator.govdata.GovDataPlatform} is the server, {@link
 * org.oneenroll.simulator.govdata.Source} the sources and their wire fields, {@link
 * org.oneenroll.simulator.govdata.RecordLookup} finds a person's records without holding the population, {@link
 * org.oneenroll.simulator.govdata.FaultPlan} decides latency and faults, {@link
 * org.oneenroll.simulator.govdata.QueryLog} remembers what was asked (ID numbers only as SHA-256).
 */
package org.oneenroll.simulator.govdata;
