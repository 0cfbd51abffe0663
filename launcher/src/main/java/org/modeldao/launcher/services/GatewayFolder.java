package org.modeldao.launcher.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's working folder, {@code <home>/gateway}: its decision log (H2 file), the log's
 * signed checkpoints and key ({@code .gateway/}), and the last approved set.
 */
public final class GatewayFolder {

    private static final Logger log = LoggerFactory.getLogger(GatewayFolder.class);

    /**
     * The decision log's files under their names from before it was called so ("audit", issue 13),
     * and their names now. The gateway refuses to start beside the former ones.
     */
    private static final Map<String, String> FORMER_NAMES = formerNames();

    private GatewayFolder() {}

    public static Path of(Path home) {
        return home.resolve("gateway");
    }

    /**
     * Renames the files a launcher before issue 13 left, so the decision log of earlier runs goes on
     * (the gateway's migrations rename its tables; hashes, key and signatures are unchanged). A
     * file present under both names is left alone: the gateway then refuses to start and names it.
     *
     * @return the files renamed (their new paths)
     */
    public static List<Path> renameFormerFiles(Path home) throws IOException {
        Path folder = of(home);
        List<Path> renamed = new ArrayList<>();
        for (var name : FORMER_NAMES.entrySet()) {
            Path former = folder.resolve(name.getKey());
            Path now = folder.resolve(name.getValue());
            if (Files.exists(former) && !Files.exists(now)) {
                Files.move(former, now);
                log.info("Renamed {} to {} (the gateway's audit log is now its decision log)", former, now);
                renamed.add(now);
            }
        }
        return renamed;
    }

    private static Map<String, String> formerNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("audit.mv.db", "decisions.mv.db");
        names.put(".gateway/audit-checkpoints.jsonl", ".gateway/decisions-checkpoints.jsonl");
        names.put(".gateway/audit-checkpoint.key", ".gateway/decisions-checkpoint.key");
        names.put(".gateway/audit-checkpoint.key.pub", ".gateway/decisions-checkpoint.key.pub");
        return names;
    }
}
