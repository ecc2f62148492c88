package io.cachewatch.console;

/**
 * A failing audit result of a cluster, for the audit capability to fill: the console shows them by severity on the
 * fleet page and with their evidence on the cluster page. Empty until an audit has run.
 */
public record AuditView(String severity, String check, String title, String evidence) {
}
