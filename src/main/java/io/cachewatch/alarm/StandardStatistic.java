package io.cachewatch.alarm;

import java.util.Set;
import java.util.regex.Pattern;

/** CloudWatch statistic names: the five standard ones and the extended (percentile) syntax. */
public final class StandardStatistic {
    private static final Set<String> STANDARD = Set.of("Average", "Sum", "Minimum", "Maximum", "SampleCount");
    /** p0.0–p100, and the trimmed/winsorized families, per CloudWatch's "Statistics definitions". */
    private static final Pattern EXTENDED = Pattern.compile("(p|tm|wm|tc|ts)(100(\\.0+)?|\\d{1,2}(\\.\\d{1,10})?)");

    private StandardStatistic() {
    }

    public static boolean isStandard(String statistic) {
        return STANDARD.contains(statistic);
    }

    public static boolean isValid(String statistic) {
        return isStandard(statistic) || EXTENDED.matcher(statistic).matches();
    }
}
