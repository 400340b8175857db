package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.notification.boundary.DeadLetters;
import org.oneenroll.notification.control.Destinations;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The SMS and feedback screen in a real browser: a county administrator sees a dead letter with its reason and
 * sends it again from the screen; a school reviewer is refused the page.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingScreenIT {

    static final String POISON = "screen-test-poison";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    DeadLetters deadLetters;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = Destinations.SMS_OUTBOUND)
    Queue smsOutbound;

    @Resource(lookup = Destinations.SMS_OUTBOUND_DLQ)
    Queue smsDead;

    @Resource(lookup = "java:jboss/UserTransaction")
    UserTransaction tx;

    @Test
    @Order(1)
    void aPoisonMessageWaitsInTheDeadLetterQueue() throws Exception {
        // Letters of an earlier run on the same server go first, so exactly one is ours.
        for (DeadLetters.Letter old : deadLetters.list(DeadLetters.Channel.SMS, 500)) {
            if (old.body().equals(POISON)) {
                tx.begin();
                try (JMSConsumer consumer = jms.createConsumer(smsDead, "JMSMessageID = '" + old.messageId() + "'")) {
                    consumer.receive(2000);
                }
                tx.commit();
            }
        }
        tx.begin();
        jms.createProducer().send(smsOutbound, POISON);
        tx.commit();
        await().atMost(Duration.ofSeconds(60)).until(() -> letters() == 1);
    }

    @Test
    @Order(2)
    @RunAsClient
    void anAdministratorReplaysItFromTheScreenAndAReviewerMayNotOpenIt() {
        try (Browser browser = new Browser()) {
            browser.signIn("county.admin");
            browser.find(By.id("messagingLink")).click();
            browser.waitForText(By.id("dlq:letters"), "not an SMS id: " + POISON);
            browser.screenshot("messaging-dead-letters");
            assertTrue(browser.pageText().contains("短信与办件回传"), browser.pageText());
            WebElement row =
                    browser.find(By.xpath("//tbody[@id='dlq:letters_data']/tr[td[contains(., '" + POISON + "')]]"));
            row.findElement(By.tagName("button")).click();
            browser.waitForText(By.id("growl_container"), "已放回发送队列");

            // A malformed case number in the filter is refused at the field, in Chinese, and stays as typed.
            browser.find(By.id("filters:caseNumber")).sendKeys("ABC-123");
            browser.find(By.id("filters:search")).click();
            browser.waitForText(By.id("filters"), "格式不正确");
            assertEquals("ABC-123", browser.find(By.id("filters:caseNumber")).getAttribute("value"));
        }
        try (Browser browser = new Browser()) {
            browser.signIn("school.reviewer");
            assertFalse(browser.pageText().contains("短信与办件回传"), "no link for a reviewer");
            browser.open("/staff/messaging.xhtml");
            assertTrue(browser.pageText().contains("没有权限"), browser.pageText());
        }
    }

    @Test
    @Order(3)
    void theReplayedPoisonIsQuarantinedAgainNotLostNorDoubled() {
        await().atMost(Duration.ofSeconds(60)).until(() -> letters() == 1);
        assertEquals(
                1,
                deadLetters.list(DeadLetters.Channel.SMS, 500).stream()
                        .filter(l -> l.body().equals(POISON))
                        .count());
    }

    private long letters() {
        return deadLetters.list(DeadLetters.Channel.SMS, 500).stream()
                .filter(l -> l.body().equals(POISON))
                .count();
    }
}
