package org.oneenroll.simulator.population;

/**
 * How many homes an address unit holds and how they are numbered, derived from the layout seed and the unit
 * code alone so the layout JSON stays small and every reader of it agrees.
 *
 * @param buildings  buildings (楼) of a compound; 0 in a village group
 * @param entrances  entrances (单元) per building
 * @param floors     floors per building
 * @param households homes in the unit (houses in a village group)
 */
record Dwellings(int buildings, int entrances, int floors, int households) {

    static Dwellings of(long layoutSeed, CountyLayout.AddressUnit unit) {
        long h = Mix.of(layoutSeed, unit.code());
        if (unit.urban()) {
            int buildings = 4 + (int) Math.floorMod(h, 17L);
            int entrances = 1 + (int) Math.floorMod(h >>> 8, 3L);
            int floors = 6 + (int) Math.floorMod(h >>> 16, 13L);
            return new Dwellings(buildings, entrances, floors, buildings * entrances * floors * 2);
        }
        return new Dwellings(0, 0, 0, 30 + (int) Math.floorMod(h >>> 24, 61L));
    }

    /** "3号楼2单元501室" or "23号" for home number {@code k} (any non-negative number, wrapped). */
    String detail(long k) {
        if (buildings == 0) {
            return (Math.floorMod(k, (long) households) + 1) + "号";
        }
        long n = Math.floorMod(k, (long) households);
        int room = (int) (n % 2) + 1;
        n /= 2;
        int floor = (int) (n % floors) + 1;
        n /= floors;
        int entrance = (int) (n % entrances) + 1;
        int building = (int) (n / entrances) + 1;
        return building + "号楼" + entrance + "单元" + floor + "0" + room + "室";
    }
}
