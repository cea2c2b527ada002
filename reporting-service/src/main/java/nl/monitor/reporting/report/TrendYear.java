package nl.monitor.reporting.report;

import java.util.List;

/**
 * An earlier year of a municipality made comparable across mergers: the population-weighted mean of its predecessors'
 * points in that year's division, and every predecessor with its weight.
 *
 * @param divisionYear the municipal division that year was counted by (2013 for 2014, 2017 for 2017)
 * @param merged       whether other codes than the municipality's own were folded in (a merger or a new code)
 * @param points       the weighted mean points (two decimals) over the chosen components of the predecessors scored
 * @param predecessors every predecessor of that division, scored or not
 */
public record TrendYear(int year, int divisionYear, boolean merged, Double points, List<Predecessor> predecessors) {

    /**
     * A predecessor and its weight.
     *
     * @param inhabitants  its weight: inhabitants (see {@code weightSource}; 1 for a municipality that is its own
     *                     single predecessor)
     * @param share        its share of the weight of the scored predecessors, whole percent; null when not scored
     * @param approximate  whether the weight is an approximation (a 2013 code gone by 2017, a split)
     * @param scored       whether it has a score that year
     * @param points       its own points that year over the chosen components
     */
    public record Predecessor(String code, String name, long inhabitants, Integer share, boolean approximate,
                              String weightSource, boolean scored, Double points) {
    }
}
