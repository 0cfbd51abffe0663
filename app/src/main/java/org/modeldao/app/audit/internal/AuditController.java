package org.modeldao.app.audit.internal;

import org.modeldao.app.audit.AuditFilter;
import org.modeldao.app.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit.csv?contract=&event=&text=&fromBlock=&toBlock=}: the audit trail as CSV. */
@RestController
class AuditController {

    private final AuditLog trail;

    AuditController(AuditLog trail) {
        this.trail = trail;
    }

    @GetMapping(path = "/api/audit.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "") String contract, @RequestParam(defaultValue = "") String event,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "0") long fromBlock,
            @RequestParam(defaultValue = "0") long toBlock) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"model-dao-audit.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(trail.csv(new AuditFilter(contract, event, text, fromBlock, toBlock)));
    }
}
