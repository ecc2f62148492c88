package io.cachewatch.alarm;

/** A CloudWatch metric dimension, exactly as CloudWatch publishes it (names are case-sensitive). */
public record Dimension(String name, String value) implements Comparable<Dimension> {
    @Override
    public int compareTo(Dimension o) {
        int byName = name.compareTo(o.name);
        return byName != 0 ? byName : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
