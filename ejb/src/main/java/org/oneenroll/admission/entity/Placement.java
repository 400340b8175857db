package org.oneenroll.admission.entity;

/**
 * One child's result in short, as the notification and the unplaced follow-up list need it. {@code schoolCode}
 * is null when unplaced; {@code choiceNumber} counts from 1 (0 unless the route is a choice); {@code hops} is
 * the reallocation distance in zones (-1 unless reallocated); {@code reason} is null unless unplaced.
 */
public record Placement(
        String childRef, Route route, String schoolCode, int choiceNumber, int hops, UnplacedReason reason) {}
