package org.modeldao.contracts.events;

/** The EIP-712 domain of the token or the governor changed ({@link EventPosition#contract()} says which). */
public record Eip712DomainChanged(EventPosition position) implements GovernanceEvent {
}
