package org.modeldao.contracts.events;

/** The four contracts of a deployment whose logs the stream reads. */
public enum DaoContract {
    TOKEN,
    GOVERNOR,
    TIMELOCK,
    REGISTRY
}
