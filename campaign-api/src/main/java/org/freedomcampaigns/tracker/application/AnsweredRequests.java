package org.freedomcampaigns.tracker.application;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Idempotency keys of requests that record no event (starting a rebuild, retrying dead letters), remembered once the
 * request took effect:
 * {@code { _id: key id, fingerprint, answer }}. The effect comes first, so a crash between the two leaves a key
 * forgotten and its retry does the work again; such requests are safe to repeat. Requests that record events keep
 * their keys with the events instead ({@link Commands}).
 */
@Component
public class AnsweredRequests {
    static final String COLLECTION = "answered_requests";

    private final MongoCollection<Document> answered;
    private final Idempotency idempotency;

    public AnsweredRequests(MongoDatabase database, Idempotency idempotency) {
        this.answered = database.getCollection(COLLECTION);
        this.idempotency = idempotency;
    }

    /**
     * What an earlier request with the current request's key was answered ({@code answer}, as remembered), if there
     * was one; marks the answer as replayed.
     *
     * @throws Idempotency.KeyReusedException if the key was used for another request
     */
    public Optional<String> earlierAnswer() {
        Optional<Idempotency.Key> key = idempotency.current();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Document earlier = answered.find(Filters.eq("_id", key.get().id())).first();
        if (earlier == null) {
            return Optional.empty();
        }
        if (!key.get().fingerprint().equals(earlier.getString("fingerprint"))) {
            throw new Idempotency.KeyReusedException();
        }
        idempotency.markReplayed();
        return Optional.of(earlier.getString("answer"));
    }

    /** Remembers the current request's key, if it sent one, with what it was answered. */
    public void remember(String answer) {
        idempotency.current().ifPresent(key -> {
            try {
                answered.insertOne(new Document("_id", key.id()).append("fingerprint", key.fingerprint())
                                                                 .append("answer", answer));
            } catch (MongoWriteException e) {
                // a concurrent retry remembered it first
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        });
    }
}
