package io.supplements.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        // Published with the Standard Webhooks reference libraries: matching it means their verifiers accept ours.
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNewTimestampGivesANewSignature() {
        String secret = WebhookSigner.newSecret();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(
                WebhookSigner.sign(secret, "msg_1", 1000, body), WebhookSigner.sign(secret, "msg_1", 1001, body));
    }

    @Test
    void generatedSecretsAreValidAndDistinct() {
        String a = WebhookSigner.newSecret();
        assertTrue(WebhookSigner.isValidSecret(a), a);
        assertNotEquals(a, WebhookSigner.newSecret());
    }

    @Test
    void secretsMustBeWhsecAndTwentyFourToSixtyFourBytes() {
        assertTrue(WebhookSigner.isValidSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertFalse(WebhookSigner.isValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "no prefix");
        assertFalse(WebhookSigner.isValidSecret("whsec_c2hvcnQ="), "5 bytes");
        assertFalse(
                WebhookSigner.isValidSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwx"), "not base64 (33 characters)");
    }

    @Test
    void privateAndLoopbackReceiversAreRefusedUnlessAllowed() {
        for (String url : new String[] {
            "http://127.0.0.1:8080/hook",
            "http://localhost/hook",
            "http://10.1.2.3/hook",
            "http://192.168.0.10/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hook",
            "http://[fd00::1]/hook",
            "http://0.0.0.0/hook"
        }) {
            assertTrue(ReceiverUrls.problem(url, false).isPresent(), url);
        }
        assertEquals(java.util.Optional.empty(), ReceiverUrls.problem("http://127.0.0.1:8080/hook", true));
        assertEquals(
                java.util.Optional.empty(),
                ReceiverUrls.problem("https://93.184.216.34/hook", false),
                "a public address");
        assertTrue(
                ReceiverUrls.problem("http://user:pw@93.184.216.34/hook", false).isPresent(), "credentials in the URL");
        assertTrue(ReceiverUrls.problem("ftp://93.184.216.34/hook", false).isPresent(), "not http(s)");
    }
}
