package io.cachewatch.collect;

import io.cachewatch.aws.secretsmanager.SecretCredentials;
import io.cachewatch.aws.secretsmanager.SecretsManagerCredentials;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.inventory.Cluster;
import java.util.Map;

/**
 * The Redis credentials of one cluster, first match wins: a password in
 * {@code cachewatch.slowlog.credentials.<cluster>.password}; the secret named by
 * {@code cachewatch.slowlog.credentials.<cluster>.secret-arn} (or {@code .secret}); the secret named by the cluster's
 * tag {@value #SECRET_TAG}; none. A secret that cannot be read makes the cluster fail with the reason, not the run.
 */
final class SlowlogCredentials {
    static final String SECRET_TAG = "cachewatch:slowlog-secret";

    /** Credentials (both null for none), or the reason the cluster cannot be read. */
    record Resolved(String username, String password, String failure) {
        @Override
        public String toString() {
            return "Resolved[username=" + username + ", password=" + (password == null ? null : "***") + ", failure=" + failure + "]";
        }
    }

    private final Map<String, CachewatchConfig.Slowlog.Credentials> configured;
    private final SecretsManagerCredentials secrets;

    SlowlogCredentials(Map<String, CachewatchConfig.Slowlog.Credentials> configured, SecretsManagerCredentials secrets) {
        this.configured = configured;
        this.secrets = secrets;
    }

    Resolved of(Cluster cluster) {
        CachewatchConfig.Slowlog.Credentials creds = configured.get(cluster.id());
        String user = creds == null ? null : creds.username().orElse(null);
        if (creds != null && creds.password().isPresent()) {
            return new Resolved(user, creds.password().get(), null);
        }
        String secret = creds == null ? null : creds.secretArn().or(creds::secret).orElse(null);
        if (secret == null || secret.isBlank()) {
            secret = cluster.tags().get(SECRET_TAG);
        }
        if (secret == null || secret.isBlank()) {
            return new Resolved(user, null, null);
        }
        SecretsManagerCredentials.Lookup lookup = secrets.get(cluster.region(), secret.strip());
        if (!lookup.ok()) {
            return new Resolved(null, null, lookup.failure());
        }
        SecretCredentials found = lookup.credentials();
        return new Resolved(found.username() != null ? found.username() : user, found.password(), null);
    }
}
