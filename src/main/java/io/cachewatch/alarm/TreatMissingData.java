package io.cachewatch.alarm;

/** CloudWatch's TreatMissingData values, spelled as the API spells them. */
public enum TreatMissingData {
    missing,
    notBreaching,
    breaching,
    ignore;

    public static TreatMissingData parse(String text) {
        for (TreatMissingData t : values()) {
            if (t.name().equalsIgnoreCase(text.trim().replace("-", ""))) {
                return t;
            }
        }
        return null;
    }
}
