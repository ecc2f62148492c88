package io.cachewatch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.audit.CheckCatalog;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/audit.md lists exactly the catalog in code (regenerate with AuditDocs when a check changes). */
class AuditDocTest {
    @Test
    void docListsTheCatalogOfTheCode() throws IOException {
        String doc = Files.readString(AuditDocs.DOC);
        assertThat(AuditDocs.written(doc)).isEqualTo(AuditDocs.catalog());
        for (String id : CheckCatalog.ids()) {
            assertThat(doc).contains("### " + id + "\n");
        }
    }

    @Test
    void docSaysDeletionProtectionIsNotACheck() throws IOException {
        String doc = Files.readString(AuditDocs.DOC);
        assertThat(doc).contains("## Not a check: deletion protection");
        assertThat(CheckCatalog.ids()).noneMatch(id -> id.contains("deletion"));
    }
}
