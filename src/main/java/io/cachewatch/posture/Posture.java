package io.cachewatch.posture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The settings of one cluster that the audit checks read, as pure values. Every field is nullable and null means
 * <em>unknown</em> (AWS did not return it, or it was not read): never "off". Why a field is unknown, when a reason is
 * known, is in {@link #unknown}. Fields that do not exist for the cluster's kind stay null too; the checks know which
 * apply to which kind.
 *
 * @param backupRetentionDays    SnapshotRetentionLimit (0 = automatic backups off)
 * @param automaticFailover      ElastiCache replication group AutomaticFailover: enabled, disabled, enabling, disabling
 * @param multiAz                replication group MultiAZ (enabled, disabled) or MemoryDB AvailabilityMode (multiaz,
 *                               singleaz), lower case
 * @param transitEncryption      TransitEncryptionEnabled / MemoryDB TLSEnabled; true by design for serverless caches
 * @param transitEncryptionMode  preferred (plaintext still accepted) or required
 * @param atRestEncryption       AtRestEncryptionEnabled; true by design for serverless caches and MemoryDB
 * @param authTokenEnabled       AUTH token set (ElastiCache node-based)
 * @param userGroupIds           RBAC user groups (ElastiCache; serverless UserGroupId); empty = none
 * @param aclName                MemoryDB ACL
 * @param autoMinorVersionUpgrade AutoMinorVersionUpgrade of the cluster (members carry their own)
 * @param subnetIds              serverless SubnetIds (empty: the default VPC's subnets)
 * @param pending                changes AWS reports as pending (PendingModifiedValues, PendingUpdates), by field
 * @param members                member-level settings, one entry per member cache cluster of a replication group,
 *                               or one entry (the cluster itself) for other kinds
 * @param securityGroups         ingress rules of the cluster's security groups, read from EC2; null when not read
 * @param userGroups             the RBAC user groups with their default user, read from ElastiCache; null when not read
 * @param updates                service updates not yet applied to the cluster; null when not read
 * @param createdAt              when the cluster was created (ReplicationGroupCreateTime, CacheClusterCreateTime, the
 *                               earliest MemoryDB node CreateTime), ISO-8601
 * @param parameterGroup         the parameter group (member CacheParameterGroup, MemoryDB ParameterGroupName)
 * @param maxmemoryPolicy        the parameter group's maxmemory-policy, read from the API (default groups too)
 * @param reservedCoverage       the cluster's share of its region's reserved nodes of its node type; null when not read
 * @param unknown                field name → why it is unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Posture(
        Integer backupRetentionDays,
        String automaticFailover,
        String multiAz,
        Boolean transitEncryption,
        String transitEncryptionMode,
        Boolean atRestEncryption,
        String kmsKeyId,
        Boolean authTokenEnabled,
        List<String> userGroupIds,
        String aclName,
        Boolean autoMinorVersionUpgrade,
        List<String> subnetIds,
        Map<String, String> pending,
        List<MemberPosture> members,
        List<SecurityGroup> securityGroups,
        List<UserGroup> userGroups,
        List<ServiceUpdate> updates,
        String createdAt,
        String parameterGroup,
        String maxmemoryPolicy,
        ReservedCoverage reservedCoverage,
        Map<String, String> unknown) {

    public static final Posture EMPTY = builder().build();

    public Posture {
        userGroupIds = userGroupIds == null ? null : List.copyOf(userGroupIds);
        subnetIds = subnetIds == null ? null : List.copyOf(subnetIds);
        pending = pending == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(pending));
        members = members == null ? List.of() : List.copyOf(members);
        securityGroups = securityGroups == null ? null : List.copyOf(securityGroups);
        userGroups = userGroups == null ? null : List.copyOf(userGroups);
        updates = updates == null ? null : List.copyOf(updates);
        unknown = unknown == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unknown));
    }

    /** Why {@code field} is unknown, or a generic reason naming the field when nothing more is known. */
    public String whyUnknown(String field) {
        return unknown.getOrDefault(field, field + " was not returned by AWS");
    }

    /** Every member's value of one member-level field, by member id, nulls (unknown) included. */
    public Map<String, Object> byMember(Function<MemberPosture, ?> field) {
        Map<String, Object> values = new TreeMap<>();
        members.forEach(m -> values.put(m.id(), field.apply(m)));
        return values;
    }

    /** The security group ids of every member, each once. */
    @JsonIgnore
    public List<String> securityGroupIds() {
        return members.stream().filter(m -> m.securityGroupIds() != null).flatMap(m -> m.securityGroupIds().stream())
                .distinct().sorted().toList();
    }

    /** True when at least one member has an unknown security group list. */
    @JsonIgnore
    public boolean securityGroupIdsUnknown() {
        return members.isEmpty() || members.stream().anyMatch(m -> m.securityGroupIds() == null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a posture field by field; translation adapters fill what their API returns. */
    public static final class Builder {
        private Integer backupRetentionDays;
        private String automaticFailover;
        private String multiAz;
        private Boolean transitEncryption;
        private String transitEncryptionMode;
        private Boolean atRestEncryption;
        private String kmsKeyId;
        private Boolean authTokenEnabled;
        private List<String> userGroupIds;
        private String aclName;
        private Boolean autoMinorVersionUpgrade;
        private List<String> subnetIds;
        private final Map<String, String> pending = new TreeMap<>();
        private List<MemberPosture> members = List.of();
        private List<SecurityGroup> securityGroups;
        private List<UserGroup> userGroups;
        private List<ServiceUpdate> updates;
        private String createdAt;
        private String parameterGroup;
        private String maxmemoryPolicy;
        private ReservedCoverage reservedCoverage;
        private final Map<String, String> unknown = new TreeMap<>();

        private Builder(Posture p) {
            if (p != null) {
                backupRetentionDays = p.backupRetentionDays;
                automaticFailover = p.automaticFailover;
                multiAz = p.multiAz;
                transitEncryption = p.transitEncryption;
                transitEncryptionMode = p.transitEncryptionMode;
                atRestEncryption = p.atRestEncryption;
                kmsKeyId = p.kmsKeyId;
                authTokenEnabled = p.authTokenEnabled;
                userGroupIds = p.userGroupIds;
                aclName = p.aclName;
                autoMinorVersionUpgrade = p.autoMinorVersionUpgrade;
                subnetIds = p.subnetIds;
                pending.putAll(p.pending);
                members = p.members;
                securityGroups = p.securityGroups;
                userGroups = p.userGroups;
                updates = p.updates;
                createdAt = p.createdAt;
                parameterGroup = p.parameterGroup;
                maxmemoryPolicy = p.maxmemoryPolicy;
                reservedCoverage = p.reservedCoverage;
                unknown.putAll(p.unknown);
            }
        }

        public Builder backupRetentionDays(Integer v) { backupRetentionDays = v; return this; }
        public Builder automaticFailover(String v) { automaticFailover = v; return this; }
        public Builder multiAz(String v) { multiAz = v; return this; }
        public Builder transitEncryption(Boolean v) { transitEncryption = v; return this; }
        public Builder transitEncryptionMode(String v) { transitEncryptionMode = v; return this; }
        public Builder atRestEncryption(Boolean v) { atRestEncryption = v; return this; }
        public Builder kmsKeyId(String v) { kmsKeyId = v; return this; }
        public Builder authTokenEnabled(Boolean v) { authTokenEnabled = v; return this; }
        public Builder userGroupIds(List<String> v) { userGroupIds = v; return this; }
        public Builder aclName(String v) { aclName = v; return this; }
        public Builder autoMinorVersionUpgrade(Boolean v) { autoMinorVersionUpgrade = v; return this; }
        public Builder subnetIds(List<String> v) { subnetIds = v; return this; }
        public Builder members(List<MemberPosture> v) { members = v; return this; }
        public Builder securityGroups(List<SecurityGroup> v) { securityGroups = v; return this; }
        public Builder userGroups(List<UserGroup> v) { userGroups = v; return this; }
        public Builder updates(List<ServiceUpdate> v) { updates = v; return this; }
        public Builder createdAt(java.time.Instant v) { createdAt = v == null ? null : v.toString(); return this; }
        public Builder parameterGroup(String v) { parameterGroup = v; return this; }
        public Builder maxmemoryPolicy(String v) { maxmemoryPolicy = v; return this; }
        public Builder reservedCoverage(ReservedCoverage v) { reservedCoverage = v; return this; }

        /** Records a pending change; null values are ignored (nothing pending). */
        public Builder pending(String field, Object value) {
            if (value != null) {
                pending.put(field, String.valueOf(value));
            }
            return this;
        }

        public Builder unknown(String field, String reason) {
            unknown.put(field, reason);
            return this;
        }

        public Posture build() {
            return new Posture(backupRetentionDays, automaticFailover, multiAz, transitEncryption, transitEncryptionMode,
                    atRestEncryption, kmsKeyId, authTokenEnabled, userGroupIds, aclName, autoMinorVersionUpgrade, subnetIds,
                    pending, members, securityGroups, userGroups, updates, createdAt, parameterGroup, maxmemoryPolicy, reservedCoverage, unknown);
        }
    }
}
