package org.modeldao.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs last: stopping the shared system leaves no process and no descriptor behind. */
@Order(100)
class LocalDaoCloseIT {

    @Test
    void closingLeavesNoProcessAndNoDescriptorBehind() {
        RunningDao running = RunningDao.get();
        List<ProcessHandle> processes = running.processes;
        assertThat(processes).hasSize(3).allMatch(ProcessHandle::isAlive);
        List<ProcessHandle> descendants = processes.stream().flatMap(ProcessHandle::descendants).toList();
        running.dao.close();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(descendants).noneMatch(ProcessHandle::isAlive);
        assertThat(running.home.resolve("system.json")).doesNotExist();
    }
}
