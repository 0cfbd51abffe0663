package org.modeldao.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** The stream's own reading of a log's block number and index must agree with web3j's wherever it answers. */
class QuantityTest {

    @Test
    void canonical_quantities_read_as_web3j_reads_them() {
        for (String raw : List.of("0x0", "0x1", "0xa", "0xff", "0x35a4e9", "0x7fffffff", "0xfffffffffffffff")) {
            assertThat(GovernanceEventStream.quantity(raw)).as(raw).isEqualTo(Numeric.decodeQuantity(raw).longValueExact());
        }
    }

    @Test
    void anything_else_is_left_to_web3j() {
        for (String raw : List.of("", "0x", "0x00", "0x01", "0xA", "0X1", "12", "-0x1", "0x1g", "0x1000000000000000", " 0x1", "0x１")) {
            assertThat(GovernanceEventStream.quantity(raw)).as(raw).isEqualTo(-1);
        }
        assertThat(GovernanceEventStream.quantity(null)).isEqualTo(-1);
    }
}
