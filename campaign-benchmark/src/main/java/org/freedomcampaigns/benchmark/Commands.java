package org.freedomcampaigns.benchmark;

import java.time.LocalDate;
import java.util.UUID;

import org.freedomcampaigns.tracker.facts.CampaignCommand;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseCommand;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.Person;
import org.freedomcampaigns.tracker.facts.Sentence;

/**
 * The commands every row sends, the same in each so that their figures compare: one campaign, cases opened in it,
 * and letters recorded on them (through the gateway or as the same JSON over HTTP).
 */
final class Commands {
    static final String SUMMARY = "Asks for help with a commutation petition; encloses the sentencing transcript, "
            + "a letter of support from the prison chaplain and her record of classes taken.";
    static final String LETTER_JSON = "{\"receivedOn\":\"2024-02-10\",\"from\":\"Jane Doe\",\"summary\":\""
            + SUMMARY + "\"}";

    private Commands() {
    }

    static CaseCommand.RecordLetter letter(String caseId) {
        return new CaseCommand.RecordLetter(new CaseId(caseId), LocalDate.of(2024, 2, 10), "Jane Doe", SUMMARY);
    }

    static String launchCampaign(App app) {
        String id = UUID.randomUUID().toString();
        app.gateway.sendAndWait(new CampaignCommand.LaunchCampaign(new CampaignId(id), "Benchmark campaign",
                                                                   "Clemency for people serving life"));
        return id;
    }

    static CaseCommand.OpenCase openCase(String campaign, String id) {
        int n = Math.abs(id.hashCode() % 100_000);
        return new CaseCommand.OpenCase(new CaseId(id), new CampaignId(campaign),
                                        new Person("Jane Doe " + n, "A-" + n, "State Penitentiary", "Louisiana"),
                                        new Sentence("Life without parole", true, LocalDate.of(2001, 5, 14)),
                                        "Accomplice to robbery at age 17", LocalDate.of(2024, 2, 1));
    }
}
