package org.freedomcampaigns.tracker.projections.officials;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.freedomcampaigns.tracker.api.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.api.Official;
import org.freedomcampaigns.tracker.projections.support.CaseEntries;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.Documents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The officials read model: every official lobbied across all cases, with the number of contacts, the date of the
 * last one, and the cases they were lobbied for. An official is identified by name, office and jurisdiction,
 * compared without regard to case or spacing.
 *
 * <p>Each official's document keeps one entry per case with the sequence number of the last event applied, so
 * redeliveries are skipped. The processing group runs one segment: one writer per document.
 */
@ProcessingGroup(OfficialsProjection.NAME)
public class OfficialsProjection {
    public static final String NAME = "officials";
    public static final String COLLECTION = "officials";

    private final MongoCollection<Document> officials;
    private final DocumentWrites writes;

    public OfficialsProjection(MongoDatabase database) {
        this.officials = database.getCollection(COLLECTION);
        this.writes = new DocumentWrites(officials);
    }

    static String key(Official official) {
        return String.join("|", normalized(official.name()), normalized(official.office()),
                           normalized(official.jurisdiction()));
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @EventHandler
    void on(OfficialLobbied event, @SequenceNumber long sequence) {
        String id = key(event.official());
        Document official = writes.find(id);
        if (official == null) {
            official = new Document("name", event.official().name())
                    .append("office", event.official().office())
                    .append("jurisdiction", event.official().jurisdiction())
                    .append("cases", new ArrayList<Document>());
        }
        Document entry = CaseEntries.of(official, event.caseId().value());
        if (CaseEntries.applied(entry, sequence)) {
            return;
        }
        entry.put("contacts", entry.getInteger("contacts", 0) + 1);
        String contactOn = event.lobbiedOn().toString();
        String last = entry.getString("lastContactOn");
        if (last == null || contactOn.compareTo(last) > 0) {
            entry.put("lastContactOn", contactOn);
        }
        entry.put("seq", sequence);
        writes.save(id, official);
    }

    @ResetHandler
    void reset() {
        officials.deleteMany(new Document());
    }

    /** Every official lobbied, the most recently contacted first. */
    public List<Document> all() {
        List<Document> views = new ArrayList<>();
        officials.find().forEach(official -> views.add(view(official)));
        views.sort(Comparator.comparing((Document v) -> v.getString("lastContactOn"), Comparator.reverseOrder())
                             .thenComparing(v -> v.getString("name")));
        return views;
    }

    private static Document view(Document official) {
        int contacts = 0;
        String lastContact = "";
        List<String> cases = new ArrayList<>();
        for (Document entry : CaseEntries.all(official)) {
            contacts += entry.getInteger("contacts", 0);
            String last = entry.getString("lastContactOn");
            if (last != null && last.compareTo(lastContact) > 0) {
                lastContact = last;
            }
            cases.add(entry.getString("caseId"));
        }
        return new Document("name", official.getString("name"))
                .append("office", official.getString("office"))
                .append("jurisdiction", official.getString("jurisdiction"))
                .append("contacts", contacts)
                .append("lastContactOn", lastContact)
                .append("cases", cases);
    }
}
