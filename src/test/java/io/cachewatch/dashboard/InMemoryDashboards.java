package io.cachewatch.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A dashboard store in memory that counts its calls by operation. */
public class InMemoryDashboards implements DashboardStore {
    public final Map<String, String> bodies = new TreeMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public List<String> listManaged(String namePrefix) {
        calls.add("ListDashboards");
        return bodies.keySet().stream().filter(n -> n.startsWith(namePrefix)).toList();
    }

    @Override
    public Optional<String> body(String name) {
        calls.add("GetDashboard");
        return Optional.ofNullable(bodies.get(name));
    }

    @Override
    public void put(String name, String body) {
        calls.add("PutDashboard");
        bodies.put(name, body);
    }

    @Override
    public void delete(List<String> names) {
        calls.add("DeleteDashboards");
        names.forEach(bodies::remove);
    }

    long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }
}
