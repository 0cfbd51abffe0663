package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reused hasher writes exactly the canonical form every stored hash was made of. */
class EntryHasherTest {

    /** The canonical form as first written: a string of {@code <chars>:<text>|} fields, UTF-8 encoded whole. */
    private static String reference(long seq, long at, DecisionEntry e, String prev, boolean asciiOnly) throws Exception {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), Long.toString(at), e.kind(), e.caller(), e.model(),
                e.version(), e.outcome(), e.detail(), prev}) {
            canonical.append(field.length()).append(':').append(field).append('|');
        }
        if (asciiOnly) {
            canonical.append("10:ascii-only|");
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void one_hasher_reused_over_many_entries_hashes_as_the_canonical_form() throws Exception {
        Random random = new Random(14);
        EntryHasher hasher = new EntryHasher();
        String prev = StoredEntry.GENESIS;
        for (int i = 1; i <= 2000; i++) {
            DecisionEntry e = new DecisionEntry(text(random, 10), text(random, 60), text(random, 20), text(random, 5),
                    text(random, 30), text(random, random.nextInt(10) == 0 ? 5000 : 300));
            boolean asciiOnly = random.nextInt(7) == 0;
            long at = random.nextLong(0, Long.MAX_VALUE);
            String hash = hasher.hash(i, at, e, prev, asciiOnly);
            assertThat(hash).as("entry %d", i).isEqualTo(reference(i, at, e, prev, asciiOnly));
            assertThat(StoredEntry.hashOf(i, at, e, prev, asciiOnly)).isEqualTo(hash);
            prev = hash;
        }
    }

    /** Mostly ASCII, sometimes accents, emoji (surrogate pairs), control characters and lone surrogates. */
    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(20)) {
                case 0 -> text.append('é');
                case 1 -> text.appendCodePoint(0x1F600);
                case 2 -> text.append((char) random.nextInt(0x20));
                case 3 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 4 -> text.append((char) (0x80 + random.nextInt(0x780)));
                default -> text.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return text.toString();
    }
}
