package org.oneenroll.simulator.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * China's division codes (provinces, cities, counties, towns) as shipped in oneenroll-config's
 * {@code regions/*.csv}; loaded once per process because the generators only read them.
 */
public final class RegionCatalog {

    /** A province; {@code code} has 2 digits. */
    public record Province(String code, String name) {}

    /** A prefecture-level city; {@code code} has 4 digits. */
    public record City(String code, String name, String provinceCode) {}

    /** A county or district; {@code code} is the 6-digit GB/T 2260 code used in identity numbers. */
    public record Area(String code, String name, String cityCode, String provinceCode) {}

    /** A town, township or street office; {@code code} has 9 digits. */
    public record Street(String code, String name, String areaCode) {}

    private static volatile RegionCatalog shared;

    private final Map<String, Province> provinces;
    private final Map<String, City> cities;
    private final Map<String, Area> areas;
    private final Map<String, List<Street>> streetsByArea;

    private RegionCatalog(
            Map<String, Province> provinces,
            Map<String, City> cities,
            Map<String, Area> areas,
            Map<String, List<Street>> streetsByArea) {
        this.provinces = provinces;
        this.cities = cities;
        this.areas = areas;
        this.streetsByArea = streetsByArea;
    }

    /** The catalog read from the classpath, loaded on first use. */
    public static RegionCatalog load() {
        RegionCatalog c = shared;
        if (c == null) {
            synchronized (RegionCatalog.class) {
                c = shared;
                if (c == null) {
                    c = read();
                    shared = c;
                }
            }
        }
        return c;
    }

    private static RegionCatalog read() {
        Map<String, Province> provinces = new LinkedHashMap<>();
        Map<String, City> cities = new LinkedHashMap<>();
        Map<String, Area> areas = new LinkedHashMap<>();
        Map<String, List<Street>> streets = new HashMap<>();
        csv("regions/provinces.csv", f -> provinces.put(f.get(0), new Province(f.get(0), f.get(1))));
        csv("regions/cities.csv", f -> cities.put(f.get(0), new City(f.get(0), f.get(1), f.get(2))));
        csv("regions/areas.csv", f -> areas.put(f.get(0), new Area(f.get(0), f.get(1), f.get(2), f.get(3))));
        csv("regions/streets.csv", f -> streets.computeIfAbsent(f.get(2), k -> new ArrayList<>())
                .add(new Street(f.get(0), f.get(1), f.get(2))));
        streets.replaceAll((k, v) -> List.copyOf(v));
        return new RegionCatalog(
                Collections.unmodifiableMap(provinces),
                Collections.unmodifiableMap(cities),
                Collections.unmodifiableMap(areas),
                Collections.unmodifiableMap(streets));
    }

    private static void csv(String resource, Consumer<List<String>> row) {
        InputStream in = RegionCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource + " (oneenroll-config jar)");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    row.accept(fields(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>(5);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    public Optional<Area> area(String code) {
        return Optional.ofNullable(areas.get(code));
    }

    public List<Area> areas() {
        return List.copyOf(areas.values());
    }

    public Optional<City> city(String code) {
        return Optional.ofNullable(cities.get(code));
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    /** The towns and street offices of a county, in code order. */
    public List<Street> towns(String areaCode) {
        return streetsByArea.getOrDefault(areaCode, List.of());
    }

    /** "甘肃省兰州市榆中县": province, city (unless a placeholder such as 市辖区) and county names. */
    public String fullName(Area area) {
        StringBuilder sb = new StringBuilder();
        province(area.provinceCode()).ifPresent(p -> sb.append(p.name()));
        city(area.cityCode()).filter(c -> !placeholderCity(c.name())).ifPresent(c -> sb.append(c.name()));
        return sb.append(area.name()).toString();
    }

    /** Whether a city row is a grouping placeholder rather than a real city (市辖区, 省直辖县级行政区划, ...). */
    static boolean placeholderCity(String name) {
        return name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
    }

    /**
     * Whether a county code also exists in GB/T 2260 (and so appears in identity numbers): the statistical
     * tables add development zones numbered 70 and above.
     */
    public static boolean administrative(Area area) {
        return Integer.parseInt(area.code().substring(4, 6)) < 70;
    }
}
