package org.freedomcampaigns.tracker.demo;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.freedomcampaigns.tracker.facts.CampaignCommand.LaunchCampaign;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseCommand;
import org.freedomcampaigns.tracker.facts.CaseCommand.AddNote;
import org.freedomcampaigns.tracker.facts.CaseCommand.FilePetition;
import org.freedomcampaigns.tracker.facts.CaseCommand.LogLegalConsultation;
import org.freedomcampaigns.tracker.facts.CaseCommand.LogPrisonVisit;
import org.freedomcampaigns.tracker.facts.CaseCommand.OpenCase;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordClemencyGrant;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordFamilyContact;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordLetter;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordLobbying;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordRelease;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.ClemencyKind;
import org.freedomcampaigns.tracker.facts.LobbyChannel;
import org.freedomcampaigns.tracker.facts.Official;
import org.freedomcampaigns.tracker.facts.Person;
import org.freedomcampaigns.tracker.facts.PetitionKind;
import org.freedomcampaigns.tracker.facts.ReleaseReason;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.freedomcampaigns.tracker.facts.Sentence;
import org.freedomcampaigns.tracker.application.Commands;
import org.freedomcampaigns.tracker.application.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code campaign.demo.enabled=true}, loads the seed case files of "The Justice Project" through the command
 * gateway, the same path as the REST API. Runs once: the demo campaign has a fixed id, and a store that already
 * holds it is left alone. Dates not on public record are illustrative, and so are the times the facts are shown as
 * recorded: the evening of the day each happened.
 */
@Component
@ConditionalOnProperty(name = "campaign.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {
    public static final CampaignId CAMPAIGN = new CampaignId("the-justice-project");
    public static final CaseId ALICE = new CaseId("alice-marie-johnson");
    public static final CaseId MOMOLU = new CaseId("momolu-stewart");
    public static final CaseId DAVID = new CaseId("david-sheppard");
    public static final CaseId DAWN = new CaseId("dawn-jackson");
    public static final CaseId ALEXIS = new CaseId("alexis-martin");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Official PRESIDENT = new Official("Donald J. Trump", "President of the United States",
                                                           "United States");
    private static final Official PARDON_ATTORNEY = new Official("Office of the Pardon Attorney",
                                                                 "U.S. Department of Justice", "United States");

    private static final String LOAD = "demo-data";
    private static final LocalDate LAUNCHED_ON = LocalDate.of(2016, 1, 4);

    private final Commands commands;

    public DemoData(Commands commands) {
        this.commands = commands;
    }

    /**
     * Loads the story as if the team had recorded each fact on the evening of the day it happened, so that the
     * state of a case "as of" a past date answers as it would have then.
     */
    @Override
    public void run(ApplicationArguments args) {
        BackdatingClock clock = BackdatingClock.install();
        try {
            clock.recordingAt(eveningOf(LAUNCHED_ON), () -> commands.sendAs(EventMetadata.SYSTEM, LOAD,
                    new LaunchCampaign(CAMPAIGN, "The Justice Project", "Clemency and release for people serving "
                            + "extreme sentences, above all life without parole.")));
        } catch (RuleViolationException e) {
            if (e.violation() == RuleViolation.CAMPAIGN_ALREADY_EXISTS) {
                log.info("Demo data already loaded");
                return;
            }
            throw e;
        }
        LocalDate day = LAUNCHED_ON;
        for (CaseCommand command : story()) {
            day = dateOf(command).orElse(day);
            clock.recordingAt(eveningOf(day), () -> commands.sendAs(EventMetadata.SYSTEM, LOAD, command));
        }
        log.info("Demo data loaded: 1 campaign, 5 cases");
    }

    private static Instant eveningOf(LocalDate day) {
        return day.atTime(18, 0).toInstant(ZoneOffset.UTC);
    }

    /** The date a command's fact happened: its first date component (a note has none). */
    static Optional<LocalDate> dateOf(CaseCommand command) {
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (component.getType() == LocalDate.class) {
                try {
                    return Optional.of((LocalDate) component.getAccessor().invoke(command));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    static List<CaseCommand> story() {
        return List.of(
                // Alice Marie Johnson: federal, first-time nonviolent drug offense, life without parole
                new OpenCase(ALICE, CAMPAIGN,
                             new Person("Alice Marie Johnson", null, "Federal Prison Camp, Aliceville", "Federal"),
                             new Sentence("Life without parole (federal, 1996)", true, null),
                             "First-time nonviolent drug offense (conspiracy to distribute cocaine)",
                             LocalDate.of(2017, 1, 16)),
                new RecordLetter(ALICE, LocalDate.of(2017, 2, 3), "Alice Marie Johnson",
                                 "Thanks the team; describes her work as a prison ordained minister and mentor."),
                new RecordLetter(ALICE, LocalDate.of(2017, 11, 20), "Alice Marie Johnson",
                                 "Asks for help with a new clemency petition; lists her programming record."),
                new LogPrisonVisit(ALICE, LocalDate.of(2018, 3, 10), "Federal Prison Camp, Aliceville",
                                   List.of("Campaign coordinator", "Pro bono counsel"),
                                   "Went through the petition and the release plan."),
                new RecordFamilyContact(ALICE, LocalDate.of(2018, 3, 12), "Tretessa Johnson", "Daughter",
                                        "The family will house her on release."),
                new FilePetition(ALICE, "alice-petition-2018", LocalDate.of(2018, 3, 20), PetitionKind.COMMUTATION,
                                 "President of the United States"),
                new RecordLobbying(ALICE, LocalDate.of(2018, 5, 30), PRESIDENT, LobbyChannel.MEETING,
                                   "Commute Alice Marie Johnson's life sentence",
                                   "Said he would consider it seriously."),
                new RecordClemencyGrant(ALICE, LocalDate.of(2018, 6, 6), "President Donald J. Trump",
                                        ClemencyKind.COMMUTATION, "Sentence commuted to time served"),
                new RecordRelease(ALICE, LocalDate.of(2018, 6, 6), ReleaseReason.CLEMENCY),
                new AddNote(ALICE, "Released after 21 years in federal prison."),

                // Momolu Stewart: imprisoned at 16, released after 23 years
                new OpenCase(MOMOLU, CAMPAIGN,
                             new Person("Momolu Stewart", null, "Federal Bureau of Prisons", "District of Columbia"),
                             new Sentence("Life without parole, for an offense at age 16", true,
                                          LocalDate.of(1997, 6, 1)),
                             "Offense committed as a juvenile", LocalDate.of(2016, 9, 1)),
                new LogLegalConsultation(MOMOLU, LocalDate.of(2016, 10, 5), "Pro bono counsel",
                                         "Public Defender Service", "Eligibility for juvenile resentencing."),
                new FilePetition(MOMOLU, "momolu-petition-2016", LocalDate.of(2016, 11, 1),
                                 PetitionKind.RESENTENCING, "D.C. Superior Court"),
                new RecordRelease(MOMOLU, LocalDate.of(2020, 1, 31), ReleaseReason.RESENTENCING),
                new AddNote(MOMOLU, "Released after 23 years."),

                // David Sheppard: released
                new OpenCase(DAVID, CAMPAIGN,
                             new Person("David Sheppard", null, "Federal Bureau of Prisons", "Federal"),
                             new Sentence("Life without parole", true, null),
                             "Nonviolent drug offense", LocalDate.of(2016, 3, 1)),
                new FilePetition(DAVID, "david-petition-2016", LocalDate.of(2016, 4, 1), PetitionKind.COMMUTATION,
                                 "President of the United States"),
                new RecordLobbying(DAVID, LocalDate.of(2016, 6, 15), PARDON_ATTORNEY, LobbyChannel.LETTER,
                                   "Support the commutation petition", null),
                new RecordRelease(DAVID, LocalDate.of(2019, 1, 1), ReleaseReason.OTHER),

                // Dawn Jackson and Alexis Martin: open, lobbying under way
                new OpenCase(DAWN, CAMPAIGN,
                             new Person("Dawn Jackson", null, "Ohio Reformatory for Women", "Ohio"),
                             new Sentence("Long prison sentence", false, null),
                             "Offense against her abuser", LocalDate.of(2019, 5, 1)),
                new RecordLetter(DAWN, LocalDate.of(2019, 5, 20), "Dawn Jackson",
                                 "Asks the team to take her case to the governor."),
                new RecordLobbying(DAWN, LocalDate.of(2019, 9, 10),
                                   new Official("Mike DeWine", "Governor", "Ohio"), LobbyChannel.LETTER,
                                   "Grant clemency to Dawn Jackson", null),
                new OpenCase(ALEXIS, CAMPAIGN,
                             new Person("Alexis Martin", null, "Ohio Reformatory for Women", "Ohio"),
                             new Sentence("21 years to life, for an offense at age 15", true, null),
                             "Offense committed as a trafficked minor", LocalDate.of(2019, 2, 1)),
                new LogPrisonVisit(ALEXIS, LocalDate.of(2019, 3, 2), "Ohio Reformatory for Women",
                                   List.of("Campaign coordinator"), "First visit."),
                new RecordLobbying(ALEXIS, LocalDate.of(2019, 4, 18),
                                   new Official("Mike DeWine", "Governor", "Ohio"), LobbyChannel.MEETING,
                                   "Grant clemency to Alexis Martin", "Asked for the parole board's view."));
    }
}
