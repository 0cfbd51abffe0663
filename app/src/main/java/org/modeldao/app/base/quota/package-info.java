/**
 * Per-key rate limits (bounded, least recently used keys forgotten) that identity's sign-in and
 * the wallet's relayer share: the one part of the shared kernel that lives in a subpackage.
 */
@NamedInterface("quota")
package org.modeldao.app.base.quota;

import org.springframework.modulith.NamedInterface;
