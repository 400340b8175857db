package org.oneenroll.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void theFirstAndLastCharactersStay() {
        assertEquals("张*明", PersonName.masked("张小明"));
        assertEquals("王*", PersonName.masked("王芳"));
        assertEquals("欧**明", PersonName.masked("欧阳小明"));
        assertEquals("李", PersonName.masked("李"));
        assertEquals("", PersonName.masked(null));
        assertEquals("阿***提", PersonName.masked(" 阿依古丽提 "), "blanks around a name are not characters");
        assertEquals("𠮷*", PersonName.masked("𠮷祥"), "characters outside the BMP count as one");
    }
}
