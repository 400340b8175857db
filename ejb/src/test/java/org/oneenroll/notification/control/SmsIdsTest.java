package org.oneenroll.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SmsIdsTest {

    @Test
    void aSingleIdIsTheOldBody() {
        assertEquals("42", SmsIds.format(List.of(42L)));
        assertEquals(List.of(42L), SmsIds.parse(" 42\n"));
    }

    @Test
    void listsRoundTripInOrderWithoutRepeats() {
        assertEquals(List.of(7L, 3L, 9L), SmsIds.parse(SmsIds.format(List.of(7L, 3L, 9L))));
        assertEquals(List.of(7L, 3L), SmsIds.parse("7, 3,7"));
    }

    @Test
    void poisonIsRefusedWithTheReason() {
        assertEquals(
                "empty",
                assertThrows(IllegalArgumentException.class, () -> SmsIds.parse(" "))
                        .getMessage());
        assertEquals(
                "not an SMS id: abc",
                assertThrows(IllegalArgumentException.class, () -> SmsIds.parse("1,abc"))
                        .getMessage());
        assertEquals(
                "not an SMS id: ",
                assertThrows(IllegalArgumentException.class, () -> SmsIds.parse("1,,2"))
                        .getMessage());
        assertEquals(
                "not an SMS id: -4",
                assertThrows(IllegalArgumentException.class, () -> SmsIds.parse("-4"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> SmsIds.format(List.of()));
    }

    @Test
    void bodiesCarryAtMostOneHundredIdsEach() {
        List<Long> ids = LongStream.rangeClosed(1, 250).boxed().toList();
        List<String> bodies = SmsIds.bodies(ids);
        assertEquals(3, bodies.size());
        assertEquals(100, SmsIds.parse(bodies.get(0)).size());
        assertEquals(50, SmsIds.parse(bodies.get(2)).size());
        assertEquals(ids, bodies.stream().flatMap(b -> SmsIds.parse(b).stream()).toList());
    }
}
