package org.freedomcampaigns.tracker.projections.officials;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Withdrawn;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.facts.Official;
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
public class OfficialsProjection implements LobbiedOfficials {
    public static final String NAME = "officials";
    public static final String COLLECTION = "officials";

    /** Which official each lobbying entry went to, so that a correction can take it back. */
    public static final String CONTACTS_COLLECTION = "official_contacts";

    private final MongoCollection<Document> officials;
    private final MongoCollection<Document> contactLinks;
    private final DocumentWrites writes;
    private final DocumentWrites contactWrites;

    public OfficialsProjection(MongoDatabase database) {
        this.officials = database.getCollection(COLLECTION);
        this.contactLinks = database.getCollection(CONTACTS_COLLECTION);
        this.writes = new DocumentWrites(officials, 0);
        this.contactWrites = new DocumentWrites(contactLinks, 1);
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
        contactsOf(entry).add(new Document("seq", sequence).append("on", event.lobbiedOn().toString()));
        entry.put("seq", sequence);
        writes.save(id, official);
        contactWrites.save(Documents.eventKey(event.caseId().value(), sequence), new Document("official", id));
    }

    /** A corrected lobbying entry leaves its official (its replacement is counted where it belongs). */
    @EventHandler
    void on(EntryCorrected event, @SequenceNumber long sequence) {
        withdraw(event, sequence);
    }

    /** A retracted lobbying entry leaves its official. */
    @EventHandler
    void on(EntryRetracted event, @SequenceNumber long sequence) {
        withdraw(event, sequence);
    }

    private void withdraw(CaseEvent correction, long sequence) {
        // a correction's effect does not depend on what came before it
        if (Corrections.effectOf(correction, false) instanceof Withdrawn withdrawn
                && withdrawn.kind() == FactKind.LOBBYING) {
            takeBack(correction.caseId().value(), withdrawn.sequence(), sequence);
        }
    }

    private void takeBack(String caseId, long contactSequence, long sequence) {
        Document contact = contactWrites.find(Documents.eventKey(caseId, contactSequence));
        Document official = contact == null ? null : writes.find(contact.getString("official"));
        if (official == null) {
            return;
        }
        Document entry = CaseEntries.of(official, caseId);
        if (CaseEntries.applied(entry, sequence)) {
            return;
        }
        contactsOf(entry).removeIf(c -> Documents.longValue(c, "seq", -1) == contactSequence);
        entry.put("seq", sequence);
        writes.save(contact.getString("official"), official);
    }

    private static List<Document> contactsOf(Document entry) {
        List<Document> list = entry.getList("contacts", Document.class);
        if (list == null) {
            list = new ArrayList<>();
            entry.put("contacts", list);
        }
        return list;
    }

    @ResetHandler
    void reset() {
        officials.deleteMany(new Document());
        contactLinks.deleteMany(new Document());
    }

    /** Every official lobbied (and not only in retracted entries), the most recently contacted first. */
    public List<LobbiedOfficial> all() {
        return all(caseId -> true);
    }

    @Override
    public List<LobbiedOfficial> all(Predicate<String> caseFilter) {
        List<LobbiedOfficial> views = new ArrayList<>();
        officials.find().forEach(official -> {
            LobbiedOfficial view = view(official, caseFilter);
            if (view.contacts() > 0) {
                views.add(view);
            }
        });
        views.sort(Comparator.comparing(LobbiedOfficial::lastContactOn, Comparator.reverseOrder())
                             .thenComparing(LobbiedOfficial::name));
        return views;
    }

    private static LobbiedOfficial view(Document official, Predicate<String> caseFilter) {
        int contacts = 0;
        String lastContact = "";
        List<String> cases = new ArrayList<>();
        for (Document entry : CaseEntries.all(official)) {
            List<Document> caseContacts = contactsOf(entry);
            if (caseContacts.isEmpty() || !caseFilter.test(entry.getString("caseId"))) {
                continue;
            }
            contacts += caseContacts.size();
            for (Document contact : caseContacts) {
                String on = contact.getString("on");
                if (on.compareTo(lastContact) > 0) {
                    lastContact = on;
                }
            }
            cases.add(entry.getString("caseId"));
        }
        return new LobbiedOfficial(official.getString("name"), official.getString("office"),
                                   official.getString("jurisdiction"), contacts, lastContact, List.copyOf(cases));
    }
}
