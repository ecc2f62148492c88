package io.cachewatch.serve;

import io.cachewatch.dashboard.DashboardStore;
import java.util.List;
import java.util.Optional;

/** A dashboard store that remembers its last listing of managed dashboards, for the console: no extra AWS call. */
final class ListedDashboards implements DashboardStore {
    private final DashboardStore store;
    private volatile List<String> last = List.of();

    ListedDashboards(DashboardStore store) {
        this.store = store;
    }

    @Override
    public List<String> listManaged(String namePrefix) {
        List<String> listed = store.listManaged(namePrefix);
        last = List.copyOf(listed);
        return listed;
    }

    @Override
    public Optional<String> body(String name) {
        return store.body(name);
    }

    @Override
    public void put(String name, String body) {
        store.put(name, body);
    }

    @Override
    public void delete(List<String> names) {
        store.delete(names);
    }

    List<String> last() {
        return last;
    }
}
