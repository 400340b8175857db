package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.admission.Applicants.SEED;
import static org.oneenroll.admission.Applicants.houseAndHukou;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.admission.entity.LotteryDraw;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/** The lottery numbers are the documented HMAC, anyone can recompute them, and nobody's depends on anyone else. */
class LotteryTest {

    final Lottery cut = new Lottery();

    static final AdmissionPlan PLAN = AdmissionPlan.builder("P1", Stage.PRIMARY)
            .school("DG01", SchoolOwnership.PUBLIC, 1)
            .zone("Z1", "DG01")
            .build();

    static AdmissionInput children(int count) {
        List<Applicant> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(houseAndHukou(String.format("620123-2026-X-%06d", i), "Z1"));
        }
        return AdmissionInput.of(PLAN, children);
    }

    @Test
    void aNumberIsTheFirstEightBytesOfHmacSha256OfTheSeedOverTheReference() {
        HMac independent = new HMac(new SHA256Digest());
        independent.init(new KeyParameter(SEED.bytes()));
        byte[] message = "oneenroll/lottery/1/620123-2026-X-000007".getBytes(StandardCharsets.UTF_8);
        independent.update(message, 0, message.length);
        byte[] mac = new byte[32];
        independent.doFinal(mac, 0);

        LotteryDraw draw = cut.draw(children(10), SEED);

        assertEquals(
                String.format(
                        "%02x%02x%02x%02x%02x%02x%02x%02x",
                        mac[0], mac[1], mac[2], mac[3], mac[4], mac[5], mac[6], mac[7]),
                draw.numberHex(7));
    }

    @Test
    void theDrawOrderIsAscendingNumbers() {
        LotteryDraw draw = cut.draw(children(1_000), SEED);

        for (int p = 1; p < 1_000; p++) {
            assertTrue(Long.compareUnsigned(draw.number(draw.childAt(p)), draw.number(draw.childAt(p + 1))) < 0);
            assertEquals(p, draw.position(draw.childAt(p)));
        }
    }

    @Test
    void aChildsNumberDependsOnNobodyElse() {
        LotteryDraw few = cut.draw(children(5), SEED);
        LotteryDraw many = cut.draw(children(500), SEED);

        for (int i = 0; i < 5; i++) {
            assertEquals(few.number(i), many.number(i));
        }
    }

    @Test
    void equalHighBitsAreOrderedByTheFullNumberThenByReference() {
        long[] numbers = {
            0x8000_0000_0000_0003L,
            0x8000_0000_0000_0001L,
            0x0000_0000_0000_0002L,
            0x8000_0000_0000_0001L,
            0xFFFF_FFFF_FFFF_FFFFL
        };

        assertEquals(
                List.of(2, 1, 3, 0, 4),
                java.util.Arrays.stream(LotteryDraw.drawOrder(numbers)).boxed().toList());
    }
}
