package org.modeldao.app.dashboard;

import java.util.Optional;

/**
 * A model of the catalog as the DAO decided it.
 *
 * @param currentVersion the version the DAO made current (what unversioned calls should get); empty if none
 * @param versions       how many versions were ever approved
 */
public record ServedModel(String name, Optional<String> currentVersion, int versions) {
}
