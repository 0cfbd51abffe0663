package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.net.IpLiterals;
import org.modeldao.gateway.net.IpNetwork;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressFilterTest {

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader(ClientAddressFilter.FORWARDED_FOR, header);
        }
        return request;
    }

    @Test
    void forwarded_for_counts_only_when_the_peer_is_a_trusted_proxy() {
        ClientAddressFilter filter = new ClientAddressFilter(List.of("10.0.0.0/8", "::1"));
        assertThat(filter.clientOf(request("10.0.0.5", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(filter.clientOf(request("203.0.113.9", "198.51.100.7"))).as("untrusted peer").isNull();
        assertThat(filter.clientOf(request("0:0:0:0:0:0:0:1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void the_nearest_untrusted_hop_is_the_client_and_what_a_client_prepends_is_ignored() {
        ClientAddressFilter filter = new ClientAddressFilter(List.of("10.0.0.0/8"));
        assertThat(filter.clientOf(request("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9"))).isEqualTo("198.51.100.7");
        assertThat(filter.clientOf(request("10.0.0.5", "1.2.3.4", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(filter.clientOf(request("10.0.0.5", "evil.example.com, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(filter.clientOf(request("10.0.0.5", "198.51.100.7, not-an-ip"))).as("garbage: nothing believed")
                .isNull();
        assertThat(filter.clientOf(request("10.0.0.5", "2001:DB8:0:0:0:0:0:1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(filter.clientOf(request("10.0.0.5"))).isNull();
    }

    @Test
    void nothing_is_trusted_by_default() {
        ClientAddressFilter filter = new ClientAddressFilter(List.of());
        assertThat(IpLiterals.parse("127.0.0.1")).containsExactly(127, 0, 0, 1);
        assertThat(IpLiterals.parse("localhost")).as("never a DNS lookup").isNull();
        assertThat(IpLiterals.parse("010.0.0.1")).isNull();
        assertThat(IpNetwork.parse("192.168.0.0/16").contains(IpLiterals.parse("192.168.44.1"))).isTrue();
        assertThat(IpNetwork.parse("192.168.0.0/17").contains(IpLiterals.parse("192.168.200.1"))).isFalse();
        assertThat(filter).isNotNull();
    }
}
