package io.cachewatch.posture;

import java.util.List;

/** A VPC security group with its inbound rules, as EC2 DescribeSecurityGroups returns them. */
public record SecurityGroup(String id, String name, List<IngressRule> ingress) {
    public SecurityGroup {
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
    }

    /**
     * One IpPermission: protocol ("-1" = all), port range (null = all ports, as EC2 omits ports for protocol -1) and
     * the IPv4 and IPv6 ranges it admits (other sources, such as security groups or prefix lists, are not listed).
     */
    public record IngressRule(String protocol, Integer fromPort, Integer toPort, List<String> cidrs) {
        public IngressRule {
            cidrs = cidrs == null ? List.of() : List.copyOf(cidrs);
        }

        /** Whether TCP traffic to {@code port} is admitted by this rule's port range and protocol. */
        public boolean reaches(int port) {
            boolean tcp = "-1".equals(protocol) || "tcp".equalsIgnoreCase(protocol) || "6".equals(protocol);
            if (!tcp) {
                return false;
            }
            if (fromPort == null || toPort == null || "-1".equals(protocol)) {
                return true;
            }
            return fromPort <= port && port <= toPort;
        }

        /** The world-open ranges among this rule's sources. */
        public List<String> worldOpen() {
            return cidrs.stream().filter(c -> c.equals("0.0.0.0/0") || c.equals("::/0")).toList();
        }
    }
}
