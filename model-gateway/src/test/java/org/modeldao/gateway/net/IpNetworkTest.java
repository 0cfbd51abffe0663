package org.modeldao.gateway.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one IP-literal and CIDR implementation used by client addresses, the management allow-list and source policy. */
class IpNetworkTest {

    @Test
    void host_names_and_ambiguous_spellings_are_not_literals_and_are_never_looked_up() {
        // "localhost" would resolve to 127.0.0.1 if it reached DNS or /etc/hosts
        for (String text : List.of("localhost", "cafe.example", "dead:beef.cafe", "010.0.0.1", "1.2.3", "1.2.3.4.5",
                "256.0.0.1", "fe80::1%eth0", "", " 1.2.3.4")) {
            assertThat(IpLiterals.parse(text)).as(text).isNull();
        }
        assertThatThrownBy(() -> IpNetwork.parse("localhost/8")).hasMessageContaining("not an IP address or CIDR network");
    }

    @Test
    void an_ipv4_mapped_ipv6_address_is_the_ipv4_address() {
        assertThat(IpLiterals.parse("::ffff:10.0.0.1")).containsExactly(10, 0, 0, 1);
        assertThat(IpLiterals.format(IpLiterals.parse("[::FFFF:10.0.0.1]"))).isEqualTo("10.0.0.1");
        assertThat(IpNetwork.parse("10.0.0.0/8").contains(IpLiterals.parse("::ffff:10.0.0.1"))).isTrue();
    }

    @Test
    void a_network_contains_exactly_the_addresses_under_its_prefix() {
        IpNetwork network = IpNetwork.parse("172.16.0.0/12");
        assertThat(network.contains(IpLiterals.parse("172.31.255.255"))).isTrue();
        assertThat(network.contains(IpLiterals.parse("172.32.0.0"))).isFalse();
        assertThat(IpNetwork.parse("fc00::/7").contains(IpLiterals.address("fdff::1"))).isTrue();
        assertThat(IpNetwork.parse("fc00::/7").contains(IpLiterals.address("fe00::1"))).isFalse();
        assertThat(IpNetwork.parse("::1").contains(IpLiterals.parse("127.0.0.1"))).isFalse();
        assertThat(IpNetwork.parse("0.0.0.0/0").contains((byte[]) null)).isFalse();
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
    }
}
