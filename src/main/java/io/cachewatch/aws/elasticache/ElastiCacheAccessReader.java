package io.cachewatch.aws.elasticache;

import io.cachewatch.aws.PostureReads;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.PostureReader;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.UserGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.User;

/**
 * Reads the RBAC user groups that the region's ElastiCache clusters use, with their {@code default} user: one
 * DescribeUserGroups walk and one DescribeUsers walk per region (both paginated), and only when some cluster has a
 * user group at all.
 */
public final class ElastiCacheAccessReader implements PostureReader {
    private final Function<String, ElastiCacheClient> clients;

    public ElastiCacheAccessReader(Function<String, ElastiCacheClient> clients) {
        this.clients = clients;
    }

    @Override
    public RegionInventory enrich(RegionInventory region) {
        Predicate<Cluster> withGroups = c -> c.kind() != ClusterKind.MEMORYDB && c.posture() != null
                && c.posture().userGroupIds() != null && !c.posture().userGroupIds().isEmpty();
        if (region.clusters().stream().noneMatch(withGroups)) {
            return region;
        }
        List<software.amazon.awssdk.services.elasticache.model.UserGroup> groups = new ArrayList<>();
        List<User> users = new ArrayList<>();
        String operation = "ElastiCache.DescribeUsers";
        try {
            ElastiCacheClient client = clients.apply(region.region());
            client.describeUsersPaginator(r -> r.maxRecords(100)).users().forEach(users::add);
            operation = "ElastiCache.DescribeUserGroups";
            client.describeUserGroupsPaginator(r -> r.maxRecords(100)).userGroups().forEach(groups::add);
        } catch (RuntimeException e) {
            return PostureReads.failed(region, withGroups, operation, e, "userGroups");
        }
        Map<String, UserGroup> byId = translate(groups, users);
        return PostureReads.update(region, withGroups, (c, p) -> {
            List<UserGroup> found = new ArrayList<>();
            for (String id : p.build().userGroupIds()) {
                found.add(byId.getOrDefault(id, new UserGroup(id, null, null)));
            }
            return p.userGroups(found);
        }, List.of());
    }

    /**
     * Pure: every user group with whether its {@code default} user lets anyone in. A user group must contain a user
     * named "default" (ElastiCache guide, RBAC); one with authentication type no-password whose access string switches
     * it on ({@code on ~* +@all}) is as open as no authentication at all.
     */
    static Map<String, UserGroup> translate(List<software.amazon.awssdk.services.elasticache.model.UserGroup> groups, List<User> users) {
        Map<String, User> usersById = new HashMap<>();
        users.forEach(u -> usersById.put(u.userId(), u));
        Map<String, UserGroup> result = new HashMap<>();
        for (var group : groups) {
            Boolean open = null;
            for (String userId : group.userIds()) {
                User user = usersById.get(userId);
                if (user != null && "default".equals(user.userName())) {
                    open = openDefault(user);
                }
            }
            result.put(group.userGroupId(), new UserGroup(group.userGroupId(), group.status(), open));
        }
        return result;
    }

    static Boolean openDefault(User user) {
        if (user.authentication() == null || user.authentication().typeAsString() == null || user.accessString() == null) {
            return null;
        }
        boolean noPassword = "no-password".equals(user.authentication().typeAsString());
        boolean on = Arrays.asList(user.accessString().trim().split("\\s+")).contains("on");
        return noPassword && on;
    }
}
