package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * Per-case entries kept in an array inside a document that spans many cases (a campaign's dashboard, an official).
 * Each entry remembers the sequence number of the last event of its case applied to it, which is what makes those
 * documents idempotent. An array rather than a map keyed by case id: ids are not restricted to valid field names.
 */
public final class CaseEntries {
    private CaseEntries() {
    }

    /** The case's entry in {@code document.cases}, created (with {@code seq} -1) if missing. */
    public static Document of(Document document, String caseId) {
        List<Document> cases = document.getList("cases", Document.class);
        if (cases == null) {
            cases = new ArrayList<>();
            document.put("cases", cases);
        }
        for (Document entry : cases) {
            if (caseId.equals(entry.getString("caseId"))) {
                return entry;
            }
        }
        Document entry = new Document("caseId", caseId).append("seq", -1L);
        cases.add(entry);
        return entry;
    }

    public static List<Document> all(Document document) {
        List<Document> cases = document.getList("cases", Document.class);
        return cases == null ? List.of() : cases;
    }

    /** True if the entry has already seen the event with this sequence number. */
    public static boolean applied(Document entry, long sequence) {
        return Documents.longValue(entry, "seq", -1) >= sequence;
    }
}
