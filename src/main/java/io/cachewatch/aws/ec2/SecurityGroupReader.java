package io.cachewatch.aws.ec2;

import io.cachewatch.aws.PostureReads;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.PostureReader;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.SecurityGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/**
 * Reads the inbound rules of every security group the region's clusters use, in batches: one DescribeSecurityGroups
 * call per {@value #BATCH} distinct group ids (a filter takes at most 200 values, EC2 API reference "Filter"), never
 * one call per cluster or node.
 */
public final class SecurityGroupReader implements PostureReader {
    static final int BATCH = 200;

    private final Function<String, Ec2Client> clients;

    public SecurityGroupReader(Function<String, Ec2Client> clients) {
        this.clients = clients;
    }

    @Override
    public RegionInventory enrich(RegionInventory region) {
        TreeSet<String> ids = new TreeSet<>();
        region.clusters().stream().filter(c -> c.posture() != null).forEach(c -> ids.addAll(c.posture().securityGroupIds()));
        Predicate<Cluster> withGroups = c -> c.posture() != null && !c.posture().securityGroupIds().isEmpty();
        if (ids.isEmpty()) {
            return region;
        }
        Map<String, SecurityGroup> groups = new HashMap<>();
        try {
            Ec2Client ec2 = clients.apply(region.region());
            List<String> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                ec2.describeSecurityGroupsPaginator(r -> r.filters(Filter.builder().name("group-id").values(batch).build()))
                        .securityGroups().forEach(g -> groups.put(g.groupId(), translate(g)));
            }
        } catch (RuntimeException e) {
            return PostureReads.failed(region, withGroups, "Ec2.DescribeSecurityGroups", e, "securityGroups");
        }
        return PostureReads.update(region, withGroups, (c, p) -> {
            List<SecurityGroup> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : p.build().securityGroupIds()) {
                if (groups.containsKey(id)) {
                    found.add(groups.get(id));
                } else {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                p.unknown("securityGroups", "EC2 did not return security groups " + String.join(", ", missing));
                return p;
            }
            return p.securityGroups(found);
        }, List.of());
    }

    /** Pure translation of one EC2 security group; only IPv4/IPv6 ranges are sources the audit judges. */
    static SecurityGroup translate(software.amazon.awssdk.services.ec2.model.SecurityGroup group) {
        List<SecurityGroup.IngressRule> rules = new ArrayList<>();
        for (IpPermission permission : group.ipPermissions()) {
            List<String> cidrs = new ArrayList<>();
            permission.ipRanges().stream().map(IpRange::cidrIp).forEach(cidrs::add);
            permission.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).forEach(cidrs::add);
            rules.add(new SecurityGroup.IngressRule(permission.ipProtocol(), permission.fromPort(), permission.toPort(), cidrs));
        }
        return new SecurityGroup(group.groupId(), group.groupName(), rules);
    }
}
