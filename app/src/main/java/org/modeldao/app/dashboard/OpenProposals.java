package org.modeldao.app.dashboard;

import java.util.List;

/** The first few proposals taking votes, and how many there are in all. */
public record OpenProposals(List<OpenProposal> shown, long total) {
}
