package io.cachewatch.inventory;

/** Something discovery could not read; any such error makes its region incomplete (and so exempt from deletes). */
public record DiscoveryError(String region, String operation, String message) {
}
