package io.hingekit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link ai.djl.ndarray.NDManager} field that {@link NDManagerExtension} fills, or names the device of an
 * {@code NDManager} parameter it resolves. A static field holds one manager for the whole class (opened before the
 * {@code @BeforeAll} methods, closed after the {@code @AfterAll} methods); an instance field one manager per test
 * (opened before the {@code @BeforeEach} methods, closed after the {@code @AfterEach} methods).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface TestManager {

    /**
     * The manager's device, as {@link ai.djl.Device#fromName} reads it ({@code "cpu"}, {@code "gpu"}); empty for
     * the engine's default device.
     *
     * @return the device name, or empty
     */
    String device() default "";
}
