package org.modeldao.gateway.serving;

/** Told the size of every engine run of one loaded version (how many calls it stacked). */
@FunctionalInterface
public interface BatchMeter {

    BatchMeter NONE = calls -> { };

    void ran(int calls);
}
