package org.modeldao.app.proposals.ui;

import java.util.List;

/**
 * Puts what the wizard learnt about the actions (an uploaded model's inputs and outputs) under the
 * proposer's rationale, so it is recorded in the on-chain description voters read. The rationale
 * has a length limit; notes are shortened to fit it rather than refusing the proposer's own text.
 */
final class ProposalNotes {

    static final int RATIONALE_LIMIT = 2_000;

    private ProposalNotes() {
    }

    static String append(String rationale, List<String> notes) {
        String text = rationale == null ? "" : rationale.strip();
        if (notes.isEmpty() || text.isEmpty()) {
            return text;
        }
        StringBuilder block = new StringBuilder("\n\nChecked on upload with ONNX Runtime:");
        notes.forEach(note -> block.append("\n- ").append(note));
        int room = RATIONALE_LIMIT - text.length();
        if (room <= 40) {
            return text;
        }
        return block.length() <= room ? text + block : text + block.substring(0, room - 1) + "…";
    }
}
