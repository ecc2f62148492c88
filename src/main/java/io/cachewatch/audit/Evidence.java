package io.cachewatch.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Evidence maps that keep nulls (unknown values are evidence too) in the order they were given. */
final class Evidence {
    private Evidence() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
