package io.cachewatch.dashboard;

import java.util.List;
import java.util.Optional;

/** Port to CloudWatch dashboards, which are global: one store serves every region. Adapters pace their calls. */
public interface DashboardStore {
    /** Names of every dashboard whose name starts with the prefix, all pages read. */
    List<String> listManaged(String namePrefix);

    /** The body as stored; empty when the dashboard does not exist. */
    Optional<String> body(String name);

    void put(String name, String body);

    void delete(List<String> names);
}
