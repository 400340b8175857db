package org.oneenroll.simulator.population;

import java.util.SplittableRandom;

/**
 * Realistic Chinese personal names and mobile numbers: surnames weighted roughly by frequency, given names from
 * generation-typical characters, and rare characters for the names that trouble real systems.
 */
final class ChineseNames {

    /** Common surnames, most frequent first (the weight falls with rank). */
    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 "
                    + "韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 "
                    + "廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 武 戴 "
                    + "牛 巩 祁 火 保 把 岳 柴 包 缪 慕 漆 脱")
            .split(" ");

    private static final double[] SURNAME_CUMULATIVE = cumulative(SURNAMES.length);
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "皇甫"};
    /** Surnames common among the Hui of Gansu. */
    private static final String[] HUI_SURNAMES = {"马", "马", "马", "丁", "白", "海", "穆", "沙", "杨", "冶"};

    private static final String OLDER_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波健俊帅旭宁龙林阳建国峰永志兵亮东海" + "文斌学忠红卫小江新春德生富贵";
    private static final String OLDER_FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪慧莹琳晶倩颖洁梅兰红秀英凤琴桂花春萍玉" + "小晓美丽娇燕";
    private static final String YOUNGER_MALE = "子浩宇轩泽睿皓梓铭宸逸一俊豪天佑嘉瑞晨昊辰航霖毅博文锦程煜诚" + "奕景承乐安泓哲言";
    private static final String YOUNGER_FEMALE = "子涵欣怡萱悦琪雨诗梦思佳可馨瑶婉彤妍若汐芷沫晗雅语一诺安梓" + "依然桐希";

    /**
     * Rare characters seen in real names: mostly CJK Extension B..E (outside the BMP, so two UTF-16 units), a few
     * Extension A.
     */
    private static final String[] RARE = {
        "𠇔", "𡒄", "𬌗", "𬇙", "𬣙", "𫖯", "𬀪", "𬱖", "𬘡", "𪨶", "𬶋", "𫐐", "𬍤", "䶮", "㛃"
    };

    private static final String[] MOBILE_PREFIXES = ("130 131 132 133 134 135 136 137 138 139 145 147 150 151 152 153 "
                    + "155 156 157 158 159 166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199")
            .split(" ");

    private ChineseNames() {}

    private static double[] cumulative(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 8);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    static String surname(SplittableRandom r, boolean hui) {
        if (hui && r.nextInt(10) < 7) {
            return HUI_SURNAMES[r.nextInt(HUI_SURNAMES.length)];
        }
        if (r.nextInt(200) == 0) {
            return COMPOUND_SURNAMES[r.nextInt(COMPOUND_SURNAMES.length)];
        }
        double u = r.nextDouble();
        int lo = 0;
        int hi = SURNAMES.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SURNAME_CUMULATIVE[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return SURNAMES[lo];
    }

    /** A given name of one or two characters typical for someone born in {@code year}. */
    static String givenName(SplittableRandom r, Sex sex, int year) {
        String pool = year >= 2005
                ? (sex == Sex.MALE ? YOUNGER_MALE : YOUNGER_FEMALE)
                : sex == Sex.MALE ? OLDER_MALE : OLDER_FEMALE;
        char first = pool.charAt(r.nextInt(pool.length()));
        if (r.nextInt(4) == 0) {
            return String.valueOf(first);
        }
        char second;
        do {
            second = pool.charAt(r.nextInt(pool.length()));
        } while (second == first);
        return new String(new char[] {first, second});
    }

    /** The given name with its last character replaced by a rare one. */
    static String withRareCharacter(String givenName, SplittableRandom r) {
        String rare = RARE[r.nextInt(RARE.length)];
        return givenName.length() == 1 ? givenName + rare : givenName.substring(0, givenName.length() - 1) + rare;
    }

    /** Whether {@code name} holds a character from the rare set. */
    static boolean hasRareCharacter(String name) {
        for (String rare : RARE) {
            if (name.contains(rare)) {
                return true;
            }
        }
        return false;
    }

    /** A mainland mobile number: a real 3-digit network prefix and the given 8 digits. */
    static String mobile(SplittableRandom r, long suffix) {
        String digits = Long.toString(100_000_000L + suffix % 100_000_000L).substring(1);
        return MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + digits;
    }

    static boolean validMobilePrefix(String mobile) {
        for (String p : MOBILE_PREFIXES) {
            if (mobile.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
