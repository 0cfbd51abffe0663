package org.modeldao.launcher.docker;

import java.util.ArrayList;
import java.util.List;

/** Every check of the compose file, its images and its configuration, as a list of problems. */
final class ComposeChecks {

    private ComposeChecks() {
    }

    static List<String> problems(ComposeProject project) {
        List<String> problems = new ArrayList<>();
        problems.addAll(BuildChecks.check(project));
        problems.addAll(EnvironmentChecks.check(project));
        problems.addAll(TopologyChecks.check(project));
        return problems;
    }
}
