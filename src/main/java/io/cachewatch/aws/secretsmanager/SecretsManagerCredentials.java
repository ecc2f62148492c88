package io.cachewatch.aws.secretsmanager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads Redis credentials from Secrets Manager with GetSecretValue (current version), once per secret and region
 * for the lifetime of this object (one run of {@code slowlog}): clusters sharing a secret cost one call. A secret
 * that cannot be used yields a reason for people ("secret X: AccessDenied"), never the value.
 */
public final class SecretsManagerCredentials {
    /** Credentials, or why there are none. */
    public record Lookup(SecretCredentials credentials, String failure) {
        public boolean ok() {
            return credentials != null;
        }
    }

    private final Function<String, SecretsManagerClient> clients;
    private final Map<String, Lookup> cache = new ConcurrentHashMap<>();

    public SecretsManagerCredentials(Function<String, SecretsManagerClient> clients) {
        this.clients = clients;
    }

    /**
     * @param region   where to ask when {@code secretId} is a name; an ARN names its own region, which wins
     * @param secretId secret name or ARN
     */
    public Lookup get(String region, String secretId) {
        String where = regionOf(secretId, region);
        return cache.computeIfAbsent(where + "|" + secretId, k -> fetch(where, secretId));
    }

    /** The region of an ARN ({@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME}), else the fallback. */
    static String regionOf(String secretId, String fallback) {
        String[] parts = secretId.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : fallback;
    }

    private Lookup fetch(String region, String secretId) {
        try {
            GetSecretValueResponse response = clients.apply(region).getSecretValue(b -> b.secretId(secretId));
            if (response.secretString() == null) {
                return failed(secretId, "binary secret, " + SecretCredentials.NOT_CREDENTIALS);
            }
            return new Lookup(SecretCredentials.parse(response.secretString()), null);
        } catch (IllegalArgumentException e) {
            return failed(secretId, e.getMessage());
        } catch (SecretsManagerException e) {
            return failed(secretId, reason(e));
        } catch (SdkClientException e) {
            return failed(secretId, "Secrets Manager unreachable in " + region + ": " + e.getMessage());
        } catch (SdkException e) {
            return failed(secretId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** AWS error codes of GetSecretValue (API reference, "Errors") in the words the report uses. */
    static String reason(SecretsManagerException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (code == null) {
            return "HTTP " + e.statusCode();
        }
        return switch (code) {
            case "AccessDeniedException", "AccessDenied" -> "AccessDenied";
            case "ResourceNotFoundException" -> "not found";
            case "DecryptionFailure" -> "cannot be decrypted (KMS key access)";
            case "InvalidRequestException" -> "not usable (" + e.awsErrorDetails().errorMessage() + ")";
            default -> code;
        };
    }

    private static Lookup failed(String secretId, String why) {
        return new Lookup(null, "secret " + secretId + ": " + why);
    }
}
