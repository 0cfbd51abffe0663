package org.modeldao.contracts.events;

/**
 * One log of a DAO contract, decoded. Pattern-match on the per-contract families
 * ({@link TokenEvent}, {@link GovernorEvent}, {@link TimelockEvent}, {@link RegistryEvent}), on
 * {@link Eip712DomainChanged} (token and governor) and on {@link UnrecognisedLog} (anything that
 * did not decode). Record names are the Solidity event names.
 */
public sealed interface GovernanceEvent
        permits TokenEvent, GovernorEvent, TimelockEvent, RegistryEvent, Eip712DomainChanged, UnrecognisedLog {

    /** Where the log sits on the chain. */
    EventPosition position();

    /** The Solidity event name ({@code "ProposalCreated"}…); {@code "Unrecognised"} for an {@link UnrecognisedLog}. */
    default String eventName() {
        return getClass().getSimpleName();
    }
}
