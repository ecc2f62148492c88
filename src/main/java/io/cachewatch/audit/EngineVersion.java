package io.cachewatch.audit;

/** Major and minor of an engine version string ("7.1.0", "6.x", "7.2.4", "7"); null when it cannot be read. */
record EngineVersion(int major, int minor) implements Comparable<EngineVersion> {
    static EngineVersion parse(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String[] parts = version.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
            return new EngineVersion(major, minor);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean atLeast(int major, int minor) {
        return compareTo(new EngineVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(EngineVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }
}
