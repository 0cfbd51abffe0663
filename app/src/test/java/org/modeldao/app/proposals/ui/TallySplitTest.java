package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modeldao.app.proposals.ProposalDetails.TimelineEntry;
import org.modeldao.app.proposals.Votes;
import org.modeldao.contracts.ProposalState;

class TallySplitTest {

    private static BigInteger tokens(long n) {
        return Votes.ofTokens(java.math.BigDecimal.valueOf(n));
    }

    @Test
    void splitsCastVotesIntoSharesRoundedDown() {
        TallySplit split = TallySplit.of(tokens(15_000), tokens(40_000), tokens(5_000));

        assertThat(split.forPercent()).isEqualTo(25.0);
        assertThat(split.againstPercent()).isEqualTo(66.6);
        assertThat(split.abstainPercent()).isEqualTo(8.3);
        assertThat(split.forPercent() + split.againstPercent() + split.abstainPercent()).isLessThanOrEqualTo(100.0);
    }

    @Test
    void noVotesCastIsZeroEverywhereNotAnError() {
        TallySplit split = TallySplit.of(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

        assertThat(split).isEqualTo(new TallySplit(0, 0, 0));
    }

    @Test
    void quorumTextSaysAgainstDoesNotCount() {
        String text = TallySplit.quorumExplained(BigInteger.ZERO, tokens(4_000), false);

        assertThat(text).startsWith("Quorum: 0 of 4,000 needed").contains("Against does not").doesNotContain("reached");
        assertThat(TallySplit.quorumExplained(tokens(5_000), tokens(4_000), true)).contains("5,000 of 4,000 needed — reached");
    }

    @Test
    void finalProposalListsOnlyStepsItReached() {
        TimelineEntry created = step("Created", true);
        TimelineEntry ended = step("Voting ends", true);
        List<TimelineEntry> timeline = List.of(created, ended, step("Queued", false), step("Executable at", false),
                step("Executed", false));

        assertThat(ProposalTimeline.stillPossible(ProposalState.DEFEATED, timeline)).containsExactly(created, ended);
        assertThat(ProposalTimeline.stillPossible(ProposalState.SUCCEEDED, timeline)).isEqualTo(timeline);
    }

    private static TimelineEntry step(String label, boolean reached) {
        return new TimelineEntry(label, Optional.empty(), Optional.empty(), Optional.empty(), reached);
    }
}
