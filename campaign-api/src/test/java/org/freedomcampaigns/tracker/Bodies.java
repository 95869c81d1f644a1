package org.freedomcampaigns.tracker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Standard request bodies for API tests. Each returns a fresh mutable map, so a test can break one field. */
public final class Bodies {
    private Bodies() {
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    public static Map<String, Object> campaign(String name) {
        return of("name", name, "description", "Clemency for people serving life without parole");
    }

    public static Map<String, Object> openCase(String campaignId) {
        return of("campaignId", campaignId,
                  "person", of("name", "Alice Marie Johnson", "inmateNumber", "12345-678",
                               "facility", "FPC Aliceville", "jurisdiction", "Federal"),
                  "sentence", of("description", "Life without parole", "lifeSentence", true,
                                 "imposedOn", "1997-01-10"),
                  "offense", "First-time nonviolent drug offense",
                  "openedOn", "2017-01-16");
    }

    public static Map<String, Object> letter() {
        return of("receivedOn", "2017-02-03", "from", "Alice Marie Johnson", "summary", "Thanks the team.");
    }

    public static Map<String, Object> visit() {
        return of("visitedOn", "2018-03-10", "facility", "FPC Aliceville",
                  "visitors", List.of("Coordinator", "Counsel"), "notes", "Went through the petition.");
    }

    public static Map<String, Object> familyContact() {
        return of("contactedOn", "2018-03-12", "contact", "Tretessa Johnson", "relationship", "Daughter",
                  "notes", "Will house her on release.");
    }

    public static Map<String, Object> legalConsultation() {
        return of("consultedOn", "2018-03-15", "counsel", "Pro bono counsel", "organization", "Law firm",
                  "notes", "Petition strategy.");
    }

    public static Map<String, Object> lobbying() {
        return of("lobbiedOn", "2018-05-30",
                  "official", of("name", "Donald J. Trump", "office", "President", "jurisdiction", "United States"),
                  "channel", "MEETING", "ask", "Commute her sentence", "response", "Will consider it.");
    }

    public static Map<String, Object> petition() {
        return of("filedOn", "2018-03-20", "kind", "COMMUTATION", "authority", "President of the United States");
    }

    public static Map<String, Object> clemency() {
        return of("grantedOn", "2018-06-06", "grantedBy", "The President", "kind", "COMMUTATION",
                  "terms", "Time served");
    }

    public static Map<String, Object> denial() {
        return of("deniedOn", "2018-04-01", "deniedBy", "Parole board", "reason", "Not yet eligible");
    }

    public static Map<String, Object> release() {
        return of("releasedOn", "2018-06-06", "reason", "CLEMENCY");
    }

    public static Map<String, Object> note() {
        return of("text", "Released after 21 years.");
    }

    public static Map<String, Object> close() {
        return of("closedOn", "2018-07-01", "reason", "Person released; campaign goal met");
    }
}
