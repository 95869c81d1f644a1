package org.freedomcampaigns.benchmark;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/** Sizes of documents as the embedded server stores them (rows 1 and 3 report them). */
final class Bson {
    private Bson() {
    }

    static int size(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
