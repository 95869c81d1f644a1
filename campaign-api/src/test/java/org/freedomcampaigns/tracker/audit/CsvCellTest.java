package org.freedomcampaigns.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells follow RFC 4180 and never start a spreadsheet formula. */
class CsvCellTest {
    @Test
    void plain_values_are_written_as_they_are() {
        assertThat(HistoryController.cell("LetterReceived")).isEqualTo("LetterReceived");
        assertThat(HistoryController.cell("-12")).isEqualTo("-12");
        assertThat(HistoryController.cell("")).isEmpty();
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertThat(HistoryController.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(HistoryController.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(HistoryController.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
    }

    @Test
    void formulas_are_defused() {
        assertThat(HistoryController.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(HistoryController.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(HistoryController.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(HistoryController.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }
}
