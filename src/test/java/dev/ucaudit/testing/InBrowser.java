package dev.ucaudit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A slow kind of test, left out of {@code ./run-tests --fast}: Drives headless Chromium through ChromeDriver.
 * Tag {@value TestKinds#BROWSER}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestKinds.BROWSER)
public @interface InBrowser {
}
