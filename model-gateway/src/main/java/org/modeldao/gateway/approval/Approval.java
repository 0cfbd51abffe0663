package org.modeldao.gateway.approval;

/**
 * Where a registry change came from: the governor proposal whose execution made it, the
 * transaction and the block. {@code proposalId} is empty when the change was not made by a
 * proposal execution (e.g. a registry owned directly by a test account).
 */
public record Approval(String proposalId, String transactionHash, long blockNumber) {

    public static final Approval NONE = new Approval("", "", 0);
}
