package org.modeldao.app.base;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way pages write numbers and times, so "40,000" and "2026-12-05 12:25 UTC" read the
 * same everywhere. Fixed to English grouping and UTC rather than the server's locale and zone:
 * every member sees the same text, and chain times are UTC by nature.
 */
public final class Formats {

    /** Voting power and token balances are counted in units with 18 decimals; people read whole tokens. */
    public static final int TOKEN_DECIMALS = 18;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A 78-digit proposal id (or any long id) as its first 6 and last 4 characters: enough to tell ids apart on a page. */
    public static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 6) + "…" + id.substring(id.length() - 4);
    }

    /** 0x1234abcd…9f0e: enough to recognise a transaction hash without a 66-character line. */
    public static String shortHash(String hash) {
        return hash == null || hash.length() <= 14 ? String.valueOf(hash) : hash.substring(0, 10) + "…" + hash.substring(hash.length() - 4);
    }

    /** A whole count with thousands separators: 40000 → "40,000". */
    public static String number(long value) {
        return grouped(BigDecimal.valueOf(value));
    }

    /**
     * Token units as tokens: whole amounts without decimals ("40,000"), others with two ("1.50"),
     * cut not rounded so a page never shows more than is held.
     */
    public static String tokens(BigInteger units) {
        BigDecimal tokens = new BigDecimal(units, TOKEN_DECIMALS).setScale(2, RoundingMode.DOWN);
        return tokens.stripTrailingZeros().scale() <= 0 ? grouped(tokens) : grouped(tokens, "#,##0.00");
    }

    /** A time read from the server's clock. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /**
     * A block timestamp. Labelled because it is set by whoever produced the block, not by a
     * clock the reader trusts, and on a dev chain it can run ahead of the wall clock.
     */
    public static String chainTime(Instant instant) {
        return dateTime(instant) + " (chain time)";
    }

    /**
     * A time left in words, coarse enough for an estimate: "2 d 3 h", "3 h 05 min", "4 min 09 s",
     * "12 s". {@link Countdown} ticks with the same words in the browser.
     */
    public static String duration(Duration left) {
        long s = Math.max(0, left.toSeconds());
        if (s >= 86_400) {
            return s / 86_400 + " d " + s % 86_400 / 3_600 + " h";
        }
        if (s >= 3_600) {
            return s / 3_600 + " h " + String.format(Locale.ROOT, "%02d", s % 3_600 / 60) + " min";
        }
        return s >= 60 ? s / 60 + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s" : s + " s";
    }

    /**
     * How long ago (or how soon) {@code instant} is from {@code now}, in the largest whole unit:
     * "just now", "3 minutes ago", "in 2 days". Pages show it with {@link #dateTime} on hover
     * ({@link RelativeTime}): people read "3 minutes ago" faster, the absolute time stays exact.
     */
    public static String relative(Instant instant, Instant now) {
        long seconds = Duration.between(instant, now).getSeconds();
        long magnitude = Math.abs(seconds);
        if (magnitude < 45) {
            return "just now";
        }
        String amount = magnitude < 3_600 ? unit(Math.max(1, magnitude / 60), "minute")
                : magnitude < 86_400 ? unit(magnitude / 3_600, "hour")
                : magnitude < 30 * 86_400L ? unit(magnitude / 86_400, "day")
                : magnitude < 365 * 86_400L ? unit(magnitude / (30 * 86_400L), "month")
                : unit(magnitude / (365 * 86_400L), "year");
        return seconds > 0 ? amount + " ago" : "in " + amount;
    }

    private static String unit(long count, String unit) {
        return number(count) + " " + unit + (count == 1 ? "" : "s");
    }

    private static String grouped(BigDecimal value) {
        return grouped(value, "#,##0");
    }

    private static String grouped(BigDecimal value, String pattern) {
        // DecimalFormat is not thread-safe: one per call is cheap next to rendering a page.
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.DOWN);
        return format.format(value);
    }
}
