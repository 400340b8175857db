package org.oneenroll.intake.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;

class CaseNumberTest {

    @Test
    void readsAsPeopleSayIt() {
        CaseNumber n = new CaseNumber(RegionCode.of("620123"), 2027, Stage.PRIMARY, 42);
        assertEquals("620123-2027-X-000042", n.toString());
        assertEquals(n, CaseNumber.parse(" 620123-2027-x-000042 "));
        assertEquals(Stage.JUNIOR, CaseNumber.parse("620123-2027-C-1234567").stage());
    }

    @Property
    void formattingAndParsingAgree(
            @ForAll @IntRange(min = 2020, max = 2099) int year,
            @ForAll @LongRange(min = 1, max = 999_999_999L) long sequence,
            @ForAll boolean primary) {
        CaseNumber n = new CaseNumber(RegionCode.of("620123"), year, primary ? Stage.PRIMARY : Stage.JUNIOR, sequence);
        assertEquals(n, CaseNumber.parse(n.toString()));
    }

    @Test
    void aMalformedNumberIsRefusedInChinese() {
        for (String bad : new String[] {"", "620123-2027-Y-000001", "620123-27-X-000001", "620123-2027-X-12"}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> CaseNumber.parse(bad));
            assertTrue(e.getMessage().contains("格式不正确"), e.getMessage());
        }
    }
}
