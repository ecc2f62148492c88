package io.cachewatch.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.posture.SecurityGroup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** EC2 SecurityGroup → posture: only IPv4/IPv6 ranges are sources; protocol -1 has no ports. (Read against moto in AuditCliIT.) */
class SecurityGroupReaderTest {
    @Test
    void translatesRangesAndKeepsPortsAndProtocol() {
        var group = software.amazon.awssdk.services.ec2.model.SecurityGroup.builder().groupId("sg-1").groupName("cache")
                .ipPermissions(
                        IpPermission.builder().ipProtocol("tcp").fromPort(6379).toPort(6379)
                                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build(),
                        IpPermission.builder().ipProtocol("-1")
                                .userIdGroupPairs(UserIdGroupPair.builder().groupId("sg-app").build()).build())
                .build();
        SecurityGroup translated = SecurityGroupReader.translate(group);
        assertThat(translated.ingress()).containsExactly(
                new SecurityGroup.IngressRule("tcp", 6379, 6379, java.util.List.of("0.0.0.0/0", "::/0")),
                new SecurityGroup.IngressRule("-1", null, null, java.util.List.of()));
        assertThat(translated.ingress().get(0).reaches(6379)).isTrue();
        assertThat(translated.ingress().get(0).reaches(6380)).isFalse();
        assertThat(translated.ingress().get(1).worldOpen()).isEmpty();
    }
}
