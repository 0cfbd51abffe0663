/**
 * The one reading of the DAO's chain that the app's indexer and the gateway's approval sync
 * share: {@link org.modeldao.contracts.events.GovernanceEventStream} reads the logs of the four
 * DAO contracts (token, governor, timelock, registry) in bounded block ranges up to the
 * confirmed head and hands them out as typed {@link org.modeldao.contracts.events.GovernanceEvent}s,
 * in chain order, each with its {@link org.modeldao.contracts.events.EventPosition}.
 *
 * <p>What the stream does, so that no consumer does it again:
 * <ul>
 *   <li>refuses a node that serves another chain than the deployment descriptor names;</li>
 *   <li>reads at most {@link org.modeldao.contracts.events.StreamSettings#batchBlocks()} blocks per
 *       request, halves a range the node refuses as too big down to a single block, and reads a
 *       single block over the node's cap from its transaction receipts;</li>
 *   <li>stops {@link org.modeldao.contracts.events.StreamSettings#confirmations()} blocks below the head;</li>
 *   <li>compares the block hashes a consumer holds ({@link org.modeldao.contracts.events.KnownBlocks})
 *       with the node's and answers with a {@link org.modeldao.contracts.events.Rollback} when they
 *       left the canonical chain;</li>
 *   <li>names, for every registry change, the proposal whose execution made it, whether it was
 *       executed through the governor or by calling the timelock directly
 *       ({@link org.modeldao.contracts.events.ProposalExecution});</li>
 *   <li>never throws on what the chain says: a log it cannot decode is an
 *       {@link org.modeldao.contracts.events.UnrecognisedLog}. It throws
 *       {@link org.modeldao.contracts.events.ChainReadException}s only about the node (down,
 *       wrong chain, chain moved during the read, a block it will not give out).</li>
 * </ul>
 *
 * <p>Representations, the same in every module of the project:
 * <ul>
 *   <li>hashes, ids of timelock operations, roles, salts and other {@code bytes32}: {@code 0x} and
 *       64 lower-case hex digits ({@link org.modeldao.contracts.events.ChainHex});</li>
 *   <li>addresses: {@code 0x} and 40 lower-case hex digits (not EIP-55 checksummed);</li>
 *   <li>{@code bytes} (calldata, vote params): {@code 0x} and lower-case hex, {@code "0x"} when empty;</li>
 *   <li>integers: {@link java.math.BigInteger} (proposal ids are decimal wherever they are text);</li>
 *   <li>text: exactly what the chain holds, decoded as UTF-8 with U+FFFD for invalid bytes and
 *       never cleaned or capped here (cleaning for SQL or HTML is the consumer's job); where the raw
 *       bytes matter (a proposal's description, whose keccak256 is part of the proposal id) they
 *       are kept too.</li>
 * </ul>
 */
package org.modeldao.contracts.events;
