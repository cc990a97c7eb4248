package cn.chenzhou.plan.reporting.indicator.model;

import cn.chenzhou.plan.contracts.County;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An indicator's answer for the city and for each of the 11 counties (in GB/T 2260 order).
 * For a count the city is the sum of the counties plus any city-level facts; for a share it is the city-wide share.
 */
public record Measures(Measure city, Map<String, Measure> counties) {
    public Measures {
        Map<String, Measure> ordered = new LinkedHashMap<>();
        for (County c : County.values()) {
            ordered.put(c.code(), counties.getOrDefault(c.code(), new Measure.NoData("not counted per county")));
        }
        counties = java.util.Collections.unmodifiableMap(ordered);
    }

    public Measure county(String code) {
        return counties.get(code);
    }
}
