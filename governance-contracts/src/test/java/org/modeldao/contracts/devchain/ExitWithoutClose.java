package org.modeldao.contracts.devchain;

/** A JVM that starts a dev chain, prints the node's pid and exits without closing it (DevChainIT). */
final class ExitWithoutClose {

    private ExitWithoutClose() {
    }

    public static void main(String[] args) {
        DevChain chain = DevChain.start();
        System.out.println("node pid " + chain.pid());
        System.out.flush();
        System.exit(0);
    }
}
