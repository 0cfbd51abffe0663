package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vaadin-node/install}, which gives {@code -Pproduction}'s frontend bundle build its Node 24: from
 * the npm registry, with the lock's integrity, in the layout Vaadin's {@code nodeFolder} reads
 * ({@code FOLDER/node}, {@code FOLDER/lib/node_modules/npm/bin/npm-cli.js}); a second run keeps what the
 * first installed. Run with the machine's own Node (20) on PATH, as the build runs it; CI has no other
 * test of that build (it is what {@code ./dao bench ui-pages} packages).
 */
class VaadinNodeInstallIT {

    private static final Path SCRIPT = Path.of("vaadin-node", "install").toAbsolutePath();

    @Test
    void installsNode24AndNpmWhereVaadinLooksAndKeepsThemOnTheNextRun(@TempDir Path folder) throws Exception {
        // with a Node 24 on PATH the script uses that one and installs nothing: not the case tested here
        String pathNode = run(List.of("node", "--version")).strip();
        assumeThat(Integer.parseInt(pathNode.substring(1, pathNode.indexOf('.')))).as("node on PATH").isLessThan(24);
        String first = install(folder);

        assertThat(first).contains("installed in " + folder);
        Path node = folder.resolve("node");
        assertThat(node).isExecutable();
        assertThat(run(List.of(node.toString(), "--version"))).startsWith("v24.");
        Path npmCli = folder.resolve("lib/node_modules/npm/bin/npm-cli.js");
        assertThat(npmCli).isRegularFile();
        assertThat(run(List.of(node.toString(), npmCli.toString(), "--version"))).matches("11\\.\\d+\\.\\d+\\s*");

        String second = install(folder);

        assertThat(second).doesNotContain("installed in").contains("v24.").contains("in " + folder);
    }

    @Test
    void refusesToRunWithoutAFolder() throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("usage: install FOLDER");
    }

    /** Runs the script as the build does. */
    private static String install(Path folder) throws IOException, InterruptedException {
        return run(List.of("bash", SCRIPT.toString(), folder.toString()));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", command, output).isZero();
        return output;
    }
}
