package org.oneenroll.platform.control;

import java.util.List;
import java.util.Map;

/**
 * The county layout file the simulator's population generator writes (schools, zones, address units),
 * as the demo loads it. Field names follow the JSON the simulator produces.
 */
public class CountyLayout {

    public long seed;
    public County county;
    public List<Town> towns;
    public List<AddressUnit> addressUnits;
    public List<SchoolEntry> schools;
    public List<ZoneEntry> zones;
    public Population population;

    /** The county and its parents, by six-digit code and name. */
    public static class County {
        public String code;
        public String name;
        public String cityCode;
        public String cityName;
        public String provinceCode;
        public String provinceName;
    }

    /** A town or street of the county. */
    public static class Town {
        public String code;
        public String name;
    }

    /** One address unit: town, community and (optionally) compound. */
    public static class AddressUnit {
        public String code;
        public String townCode;
        public String community;
        public String compound;
    }

    /** A school with its address, seats and classes per stage. */
    public static class SchoolEntry {
        public String code;
        public String name;
        public String ownership;
        public List<String> stages;
        public String townCode;
        public String community;
        public String compound;
        public String addressLine;
        public Map<String, Integer> seats;
        public Map<String, Integer> classes;
        public String phone;
    }

    /** A zone of one stage: the schools that serve it and the address units it covers. */
    public static class ZoneEntry {
        public String code;
        public String name;
        public String stage;
        public List<String> schoolCodes;
        public List<String> unitCodes;
    }

    /** Totals of the generated population, for comparing seats with eligible children. */
    public static class Population {
        public int families;
        public long seed;
        /** The intake the population was generated for; 0 when the layout has no population. */
        public int planYear;

        public Map<String, Integer> childrenByStage;
    }
}
