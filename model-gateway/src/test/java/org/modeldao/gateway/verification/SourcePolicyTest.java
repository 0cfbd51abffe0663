package org.modeldao.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.net.IpLiterals;

/** Address judgements on literal addresses only: nothing is looked up or contacted. */
class SourcePolicyTest {

    private static InetAddress ip(String literal) {
        return IpLiterals.address(literal);
    }

    @Test
    void loopback_link_local_private_and_carrier_grade_nat_addresses_are_private() {
        for (String address : List.of("127.0.0.1", "127.255.0.9", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "100.64.0.1", "100.127.255.254", "169.254.169.254", "224.0.0.1", "255.255.255.255",
                "::", "::1", "fd12:3456::1", "fc00::1", "fe80::1", "ff02::1", "::ffff:192.168.0.1", "::10.0.0.1",
                "64:ff9b::7f00:1")) {
            assertThat(PrivateAddresses.isPrivate(ip(address))).as(address).isTrue();
        }
    }

    @Test
    void public_addresses_are_not_private() {
        for (String address : List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888",
                "::ffff:8.8.8.8", "64:ff9b::808:808")) {
            assertThat(PrivateAddresses.isPrivate(ip(address))).as(address).isFalse();
        }
    }

    @Test
    void of_several_resolved_addresses_only_the_permitted_ones_are_kept() throws Exception {
        URI uri = URI.create("http://rebinding.example/model.onnx");
        assertThat(SourcePolicy.STRICT.permittedAddresses(uri, new InetAddress[] {ip("10.0.0.1"), ip("93.184.216.34")}))
                .containsExactly(ip("93.184.216.34"));
        assertThatThrownBy(() -> SourcePolicy.STRICT.permittedAddresses(uri, new InetAddress[] {ip("10.0.0.1"), ip("::1")}))
                .isInstanceOf(ArtifactFetcher.SourceRefusedException.class).hasMessageContaining("10.0.0.1, 0:0:0:0:0:0:0:1");
    }

    @Test
    void listed_addresses_ranges_and_host_names_are_permitted() throws Exception {
        SourcePolicy policy = new SourcePolicy(false, List.of("127.0.0.1", "10.1.0.0/16", "App", "fd00::/8"));
        assertThat(policy.permittedAddresses(URI.create("http://127.0.0.1/x"), new InetAddress[] {ip("127.0.0.1")})).isNotEmpty();
        assertThat(policy.permittedAddresses(URI.create("http://store/x"), new InetAddress[] {ip("10.1.200.3")})).isNotEmpty();
        assertThat(policy.permittedAddresses(URI.create("http://app:8080/x"), new InetAddress[] {ip("172.18.0.4")})).containsExactly(ip("172.18.0.4"));
        assertThat(policy.permittedAddresses(URI.create("http://[fd00::5]/x"), new InetAddress[] {ip("fd00::5")})).isNotEmpty();
        assertThatThrownBy(() -> policy.permittedAddresses(URI.create("http://store/x"), new InetAddress[] {ip("10.2.0.1")}))
                .isInstanceOf(ArtifactFetcher.SourceRefusedException.class);
        assertThatThrownBy(() -> policy.permittedAddresses(URI.create("http://127.0.0.2/x"), new InetAddress[] {ip("127.0.0.2")}))
                .isInstanceOf(ArtifactFetcher.SourceRefusedException.class);
    }

    @Test
    void a_malformed_entry_fails_at_start_up() {
        assertThatThrownBy(() -> new SourcePolicy(false, List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> new SourcePolicy(false, List.of("http://app/"))).hasMessageContaining("not an IP address or CIDR");
        assertThatThrownBy(() -> new SourcePolicy(false, List.of("app server"))).hasMessageContaining("neither an IP address");
        assertThatThrownBy(() -> new SourcePolicy(false, List.of(" "))).hasMessageContaining("empty entry");
    }
}
