package org.oneenroll.simulator.population;

import java.util.Set;
import java.util.SplittableRandom;

/** Name pools for generated places: communities, villages, compounds, roads, employers and private schools. */
final class PlaceNames {

    static final String[] SEAT_COMMUNITIES = {
        "东关", "西关", "南关", "北关", "栖云", "兴隆", "文成", "朝阳", "新城", "城东", "城西", "园林", "金城", "育才", "西街", "北山", "滨河", "南山",
        "太白", "凤山"
    };
    private static final String[] COMPOUND_HEADS = {
        "阳光", "金色", "和谐", "幸福", "锦绣", "兴隆", "栖云", "金城", "康乐", "安居", "瑞祥", "丽景", "御景", "盛世", "书香", "滨河", "凤凰", "紫金",
        "新华", "东方", "翠苑", "馨园", "怡和", "嘉禾", "世纪", "万象", "汇金", "泰和", "福润", "华庭", "龙泽", "丰泽", "金桥", "长青"
    };
    private static final String[] COMPOUND_TAILS = {"小区", "花园", "家园", "嘉苑", "新村", "名苑", "华府", "雅居", "公寓", "佳苑"};
    private static final String[] VILLAGE_TAILS = {
        "庄", "湾", "营", "坪", "岔", "沟", "堡", "寨", "川", "崖", "河", "滩", "岘", "窑", "台", "泉", "坡"
    };
    private static final String[] VILLAGE_HEADS = {
        "东", "西", "南", "北", "上", "下", "大", "小", "新", "红", "青", "黄", "石", "柳", "杏", "马", "金", "三", "高", "中", "王家", "李家",
        "张家", "刘家", "陈家", "杨家", "赵家", "何家", "周家", "魏家", "牛家", "朱家", "苟家", "金家", "徐家", "韩家"
    };
    static final String[] GROUPS = {"一社", "二社", "三社", "四社", "五社", "六社", "七社", "八社", "九社", "十社"};
    static final String[] SEAT_ROADS = {
        "栖云北路", "栖云南路", "兴隆路", "文成路", "环城东路", "环城西路", "北关街", "南关街", "西大街", "东大街", "城南路", "金山路"
    };
    private static final String[] FIRM_WORDS = {
        "兴旺", "恒达", "鑫源", "永盛", "金泰", "华宇", "宏远", "天成", "瑞丰", "盛达", "佳和", "博远", "通达", "顺鑫", "新诚", "汇通", "众合", "利民"
    };
    private static final String[] FIRM_TRADES = {
        "商贸", "建筑工程", "物流", "农业科技", "餐饮管理", "汽车服务", "建材", "食品", "物业管理", "劳务", "果蔬种植", "机械制造"
    };
    private static final String[] INSTITUTIONS = {"县人民医院", "县中医医院", "县疾病预防控制中心", "县自来水公司", "县供销合作社", "县农村信用合作联社"};
    static final String[] PRIVATE_SCHOOL_HEADS = {"博文", "育才", "启航", "明德", "新星", "兴华", "英才", "博雅"};

    static final String[] CHINESE_ORDINALS = {
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"
    };

    private PlaceNames() {}

    /** "夏官营" from "夏官营镇": the town name without its administrative suffix. */
    static String stem(String townName) {
        for (String suffix : new String[] {"街道办事处", "街道", "镇", "乡"}) {
            if (townName.endsWith(suffix) && townName.length() > suffix.length() + 1) {
                return townName.substring(0, townName.length() - suffix.length());
            }
        }
        return townName;
    }

    /** "榆中" from "榆中县": a county name without 县/区/市. */
    static String countyStem(String countyName) {
        if (countyName.length() > 2
                && (countyName.endsWith("县")
                        || countyName.endsWith("区")
                        || countyName.endsWith("市")
                        || countyName.endsWith("旗"))) {
            return countyName.substring(0, countyName.length() - 1);
        }
        return countyName;
    }

    static String ordinal(int oneBased) {
        return oneBased <= CHINESE_ORDINALS.length ? CHINESE_ORDINALS[oneBased - 1] : Integer.toString(oneBased);
    }

    /** A compound name not yet in {@code taken} (which it joins). */
    static String compound(SplittableRandom r, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name =
                    COMPOUND_HEADS[r.nextInt(COMPOUND_HEADS.length)] + COMPOUND_TAILS[r.nextInt(COMPOUND_TAILS.length)];
            if (attempt > 50) {
                name = name + ordinal(attempt % 20 + 1) + "期";
            }
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** A village name (ending 村) not yet in {@code taken} (which it joins). */
    static String village(SplittableRandom r, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name =
                    VILLAGE_HEADS[r.nextInt(VILLAGE_HEADS.length)] + VILLAGE_TAILS[r.nextInt(VILLAGE_TAILS.length)];
            if (attempt > 50) {
                name = name + ordinal(attempt % 20 + 1);
            }
            name = name + "村";
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** An employer in the county: mostly private firms, sometimes a public institution. */
    static String employer(SplittableRandom r, String countyName) {
        if (r.nextInt(8) == 0) {
            return countyStem(countyName) + INSTITUTIONS[r.nextInt(INSTITUTIONS.length)];
        }
        return firm(r, countyName);
    }

    static String firm(SplittableRandom r, String countyName) {
        String head = r.nextBoolean() ? countyName : "甘肃";
        return head
                + FIRM_WORDS[r.nextInt(FIRM_WORDS.length)]
                + FIRM_TRADES[r.nextInt(FIRM_TRADES.length)]
                + (r.nextInt(3) == 0 ? "有限责任公司" : "有限公司");
    }
}
