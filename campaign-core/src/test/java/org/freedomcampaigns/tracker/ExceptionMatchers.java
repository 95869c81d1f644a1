package org.freedomcampaigns.tracker;

import org.freedomcampaigns.tracker.facts.InvalidInputException;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for the domain's exceptions, for {@code ResultValidator.expectException(Matcher)}: the fixture
 * hands the matcher the exception the command handler threw, unwrapped.
 */
public final class ExceptionMatchers {
    private ExceptionMatchers() {
    }

    /** A {@link RuleViolationException} carrying the given code. */
    public static Matcher<Throwable> violates(RuleViolation code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof RuleViolationException violation)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                if (violation.violation() != code) {
                    mismatch.appendText("violated ").appendValue(violation.violation())
                            .appendText(": ").appendValue(violation.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolationException with code ").appendValue(code);
            }
        };
    }

    /** An {@link InvalidInputException} naming the given field. */
    public static Matcher<Throwable> invalid(String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof InvalidInputException invalid)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                if (!field.equals(invalid.field())) {
                    mismatch.appendText("named field ").appendValue(invalid.field())
                            .appendText(": ").appendValue(invalid.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an InvalidInputException naming field ").appendValue(field);
            }
        };
    }
}
