package dev.ucaudit.testing;

/**
 * The JUnit tags of the slow kinds of test. {@code ./run-tests --fast} runs the unit tests without
 * them ({@code -DexcludedGroups=...}, the list in {@link #SLOW}); {@code ./run-tests} runs everything.
 */
public final class TestKinds {
    public static final String LIVE = "live";
    public static final String SPARK = "spark";
    public static final String BROWSER = "browser";
    public static final String JVM = "jvm";
    public static final String PUBLIC_CAPTURES = "public-captures";
    public static final String SCALE = "scale";
    /** As surefire's excludedGroups takes them. */
    public static final String SLOW = LIVE + "," + SPARK + "," + BROWSER + "," + JVM + "," + PUBLIC_CAPTURES + "," + SCALE;

    private TestKinds() {
    }
}
