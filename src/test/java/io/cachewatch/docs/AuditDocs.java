package io.cachewatch.docs;

import io.cachewatch.audit.AuditCheck;
import io.cachewatch.audit.CheckCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the check catalog into {@code docs/audit.md} between its catalog markers, from {@link CheckCatalog}; the test
 * {@code AuditDocTest} fails when the two disagree.
 *
 * <pre>./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cachewatch.docs.AuditDocs</pre>
 */
public final class AuditDocs {
    static final Path DOC = Path.of("docs/audit.md");
    static final String START = "<!-- catalog: generated from CheckCatalog by io.cachewatch.docs.AuditDocs; do not edit by hand -->";
    static final String END = "<!-- end of catalog -->";

    private AuditDocs() {
    }

    /** The catalog as the doc shows it: one section per check. */
    public static String catalog() {
        StringBuilder out = new StringBuilder();
        out.append("| check | area | default severity | applies to | Security Hub / Config |\n|---|---|---|---|---|\n");
        for (AuditCheck c : CheckCatalog.ALL) {
            out.append("| [`").append(c.id()).append("`](#").append(c.id()).append(") | ").append(c.area().id()).append(" | ")
                    .append(c.severity().id()).append(" | ").append(c.appliesTo()).append(" | ")
                    .append(anchors(c)).append(" |\n");
        }
        for (AuditCheck c : CheckCatalog.ALL) {
            out.append("\n### ").append(c.id()).append("\n\n")
                    .append("**").append(c.title()).append("** · area ").append(c.area().id()).append(" · default severity ")
                    .append(c.severity().id()).append("\n\n")
                    .append("- Applies to: ").append(c.appliesTo()).append('\n')
                    .append("- Seed lines: ").append(String.join("; ", c.seedLines().stream().map(s -> "“" + s + "”").toList())).append('\n')
                    .append("- Evidence: ").append(String.join(", ", c.evidence().stream().map(e -> "`" + e + "`").toList())).append('\n')
                    .append("- Equivalent: ").append(anchors(c)).append('\n')
                    .append("- Remediation: ").append(c.remediation()).append('\n');
        }
        return out.toString();
    }

    private static String anchors(AuditCheck c) {
        String sh = c.securityHub() == null ? null : "Security Hub " + c.securityHub();
        String cfg = c.configRule() == null ? null : "Config " + c.configRule();
        if (sh == null && cfg == null) {
            return "none";
        }
        return sh == null ? cfg : cfg == null ? sh : sh + "; " + cfg;
    }

    /** The doc's catalog section as written. */
    static String written(String doc) {
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(DOC + " has no catalog markers");
        }
        return doc.substring(start + START.length(), end).strip() + "\n";
    }

    public static void main(String[] args) throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf(START) + START.length();
        int end = doc.indexOf(END);
        Files.writeString(DOC, doc.substring(0, start) + "\n\n" + catalog() + "\n" + doc.substring(end));
        System.out.println("wrote the catalog of " + CheckCatalog.ALL.size() + " checks into " + DOC);
    }
}
