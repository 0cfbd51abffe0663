package org.modeldao.app.wallet;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what the gas-paying relayer spends (the key itself is {@code modeldao.governance.relayer-key}).
 *
 * @param dailyCapEth    most the relayer may spend on gas per UTC day, in ETH, across all replicas (kept in SQL)
 * @param perAccount     gasless relays one signer may have sent per period (per replica)
 * @param perClient      gasless relay attempts one client IP may make per period (per replica), refused ones included
 * @param maxTrackedKeys most accounts and most IPs whose quotas are remembered (least recently used forgotten)
 * @param maxGas         largest gas limit one relayed transaction may have; a ballot needing more is refused
 */
@ConfigurationProperties("modeldao.relayer")
public record RelayerProperties(BigDecimal dailyCapEth, Quota perAccount, Quota perClient, Integer maxTrackedKeys, Long maxGas) {

    public RelayerProperties {
        dailyCapEth = dailyCapEth == null ? new BigDecimal("0.05") : dailyCapEth;
        perAccount = perAccount == null ? new Quota(5, Duration.ofHours(1)) : perAccount;
        perClient = perClient == null ? new Quota(20, Duration.ofHours(1)) : perClient;
        maxTrackedKeys = maxTrackedKeys == null ? 10_000 : maxTrackedKeys;
        maxGas = maxGas == null ? 500_000L : maxGas;
        if (dailyCapEth.signum() < 0) {
            throw new IllegalArgumentException("modeldao.relayer.daily-cap-eth must be 0 or more, not " + dailyCapEth);
        }
        if (maxGas < 21_000) {
            throw new IllegalArgumentException("modeldao.relayer.max-gas must be at least 21000, not " + maxGas);
        }
    }

    /** @param relays how many per period; @param period the window */
    public record Quota(long relays, Duration period) {
        public Quota {
            if (relays < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A relayer quota needs relays >= 1 and a positive period, not " + relays + " per " + period);
            }
        }
    }

    public static RelayerProperties defaults() {
        return new RelayerProperties(null, null, null, null, null);
    }
}
