package org.modeldao.app.history.internal;

import org.modeldao.app.history.HistoryFilter;
import org.modeldao.app.history.GovernanceHistory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/history.csv?contract=&event=&text=&fromBlock=&toBlock=}: the governance history as CSV. */
@RestController
class HistoryController {

    private final GovernanceHistory trail;

    HistoryController(GovernanceHistory trail) {
        this.trail = trail;
    }

    @GetMapping(path = "/api/history.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "") String contract, @RequestParam(defaultValue = "") String event,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "0") long fromBlock,
            @RequestParam(defaultValue = "0") long toBlock) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"model-dao-governance-history.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(trail.csv(new HistoryFilter(contract, event, text, fromBlock, toBlock)));
    }
}
