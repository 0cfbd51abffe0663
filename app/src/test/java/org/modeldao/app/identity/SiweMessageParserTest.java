package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiweMessageParserTest {

    /** The example message of EIP-4361. */
    static final String SPEC_EXAMPLE = """
            example.com wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            I accept the ExampleOrg Terms of Service: https://example.com/tos

            URI: https://example.com/login
            Version: 1
            Chain ID: 1
            Nonce: 32891756
            Issued At: 2021-09-30T16:25:24Z
            Resources:
            - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
            - https://example.com/my-web2-claim.json""";

    @Test
    void parses_the_spec_example_message() {
        SiweMessage message = SiweMessageParser.parse(SPEC_EXAMPLE);

        assertThat(message.scheme()).isNull();
        assertThat(message.domain()).isEqualTo("example.com");
        assertThat(message.address()).isEqualTo("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
        assertThat(message.statement()).isEqualTo("I accept the ExampleOrg Terms of Service: https://example.com/tos");
        assertThat(message.uri()).isEqualTo("https://example.com/login");
        assertThat(message.version()).isEqualTo("1");
        assertThat(message.chainId()).isEqualTo(1);
        assertThat(message.nonce()).isEqualTo("32891756");
        assertThat(message.issuedAt()).isEqualTo(Instant.parse("2021-09-30T16:25:24Z"));
        assertThat(message.resources()).containsExactly(
                "ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
                "https://example.com/my-web2-claim.json");
    }

    @Test
    void parses_the_spec_example_with_a_scheme_before_the_domain() {
        SiweMessage message = SiweMessageParser.parse("https://" + SPEC_EXAMPLE);

        assertThat(message.scheme()).isEqualTo("https");
        assertThat(message.domain()).isEqualTo("example.com");
    }

    @Test
    void parses_a_message_without_statement_as_two_blank_lines_after_the_address() {
        String text = """
                localhost:8080 wants you to sign in with your Ethereum account:
                0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2


                URI: http://localhost:8080
                Version: 1
                Chain ID: 31337
                Nonce: abcdefgh
                Issued At: 2026-11-25T12:00:00.123+01:00""";

        SiweMessage message = SiweMessageParser.parse(text);

        assertThat(message.statement()).isNull();
        assertThat(message.domain()).isEqualTo("localhost:8080");
        assertThat(message.issuedAt()).isEqualTo(Instant.parse("2026-11-25T11:00:00.123Z"));
        assertThat(message.toMessage()).isEqualTo(text.replace("12:00:00.123+01:00", "11:00:00.123Z"));
    }

    @Test
    void parses_every_optional_field_in_order() {
        String text = """
                example.com wants you to sign in with your Ethereum account:
                0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

                Sign in.

                URI: https://example.com
                Version: 1
                Chain ID: 11155111
                Nonce: 0123456789abcdef
                Issued At: 2026-11-25T12:00:00Z
                Expiration Time: 2026-11-25T12:10:00Z
                Not Before: 2026-11-25T11:59:00Z
                Request ID: some-request_id~1:@
                Resources:
                - https://example.com/a""";

        SiweMessage message = SiweMessageParser.parse(text);

        assertThat(message.chainId()).isEqualTo(11155111);
        assertThat(message.expirationTime()).isEqualTo(Instant.parse("2026-11-25T12:10:00Z"));
        assertThat(message.notBefore()).isEqualTo(Instant.parse("2026-11-25T11:59:00Z"));
        assertThat(message.requestId()).isEqualTo("some-request_id~1:@");
        assertThat(message.resources()).containsExactly("https://example.com/a");
        assertThat(message.toMessage()).isEqualTo(text);
    }

    @Test
    void a_message_written_by_the_record_parses_back_to_an_equal_record() {
        SiweMessage written = new SiweMessage("https", "dao.example.org:8443", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                "Sign in to the Model DAO.", "https://dao.example.org:8443/sign-in", "1", 31337, "Xy12Zt98Qw",
                Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-25T12:10:00Z"), null, "r-1",
                List.of("https://dao.example.org:8443/tos"));

        assertThat(SiweMessageParser.parse(written.toMessage())).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{index}] refuses: {0}")
    @ValueSource(strings = {
        "lowercase (not checksummed) address|0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2|0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2",
        "address with a wrong checksum|0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2|0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756CC2",
        "short address|0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2|0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756C",
        "nonce of 7 characters|Nonce: 32891756|Nonce: 3289175",
        "nonce with punctuation|Nonce: 32891756|Nonce: 3289-1756",
        "version 2|Version: 1|Version: 2",
        "hexadecimal chain id|Chain ID: 1|Chain ID: 0x1",
        "date without time zone|2021-09-30T16:25:24Z|2021-09-30T16:25:24",
        "impossible date|2021-09-30T16:25:24Z|2021-02-30T16:25:24Z",
        "relative URI|URI: https://example.com/login|URI: /login",
        "missing URI line|URI: https://example.com/login\n|",
        "fields out of order|Version: 1\nChain ID: 1|Chain ID: 1\nVersion: 1",
        "CRLF line ends|\n|\r\n",
        "statement over two lines|Terms of Service: https://example.com/tos|Terms of Service:\nhttps://example.com/tos",
        "statement with a quote|ExampleOrg|\"ExampleOrg\"",
        "domain with a path|example.com wants|example.com/login wants",
        "missing blank line after the address|0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n\n|0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n",
        "different header wording|wants you to sign in with your Ethereum account:|wants you to sign in with your account:",
        "trailing newline|my-web2-claim.json|my-web2-claim.json\n",
        "text after the resources|my-web2-claim.json|my-web2-claim.json\nP.S. hello",
    })
    void refuses_a_message_that_does_not_follow_the_abnf(String testCase) {
        String[] parts = testCase.split("\\|", -1);
        String text = SPEC_EXAMPLE.replace(parts[1].replace("\\n", "\n"), parts[2]);
        assertThat(text).isNotEqualTo(SPEC_EXAMPLE);

        assertThatThrownBy(() -> SiweMessageParser.parse(text))
                .isInstanceOf(SignInRejected.class)
                .hasMessageStartingWith("Not a valid Sign-In with Ethereum message")
                .extracting(e -> ((SignInRejected) e).reason())
                .isEqualTo(SignInRejected.Reason.MALFORMED_MESSAGE);
    }

    @Test
    void refuses_an_empty_message() {
        assertThatThrownBy(() -> SiweMessageParser.parse(""))
                .isInstanceOf(SignInRejected.class)
                .hasMessageContaining("empty");
    }
}
