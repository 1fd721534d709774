package io.hingekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs a small test class through the JUnit launcher and checks which managers it saw and that all were closed. */
class NDManagerExtensionTest {

    /** What the run saw, by role, in order. */
    private static final Map<String, NDManager> SEEN = new LinkedHashMap<>();

    @Test
    void everyScopeGetsItsOwnManagerAndClosesItAfterwardsEvenWhenATestFails() {
        SEEN.clear();
        TestExecutionSummary summary = run(Sample.class);
        assertEquals(2, summary.getTestsStartedCount());
        assertEquals(1, summary.getTestsFailedCount());
        assertEquals("on purpose", summary.getFailures().get(0).getException().getMessage());
        NDManager shared = SEEN.get("static field");
        assertSame(shared, SEEN.get("beforeAll parameter"));
        assertSame(SEEN.get("first test"), SEEN.get("first test's field"));
        assertSame(SEEN.get("first test"), SEEN.get("first beforeEach"));
        assertNotSame(shared, SEEN.get("first test"));
        assertNotSame(SEEN.get("first test"), SEEN.get("second test"));
        assertEquals(Device.cpu(), SEEN.get("cpu parameter").getDevice());
        SEEN.forEach((role, manager) -> assertFalse(manager.isOpen(), role + " is still open"));
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .build(), listener);
        return listener.getSummary();
    }

    /** The class under test; disabled so that only the launcher above runs it. */
    @Disabled("run by NDManagerExtensionTest through the launcher")
    @ExtendWith(NDManagerExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Sample {

        @TestManager
        private static NDManager shared;

        @TestManager
        private NDManager perTest;

        private String prefix = "first";

        @BeforeAll
        static void open(NDManager manager) {
            SEEN.put("static field", shared);
            SEEN.put("beforeAll parameter", manager);
        }

        @BeforeEach
        void each(NDManager manager) {
            prefix = SEEN.containsKey("first test") ? "second" : "first";
            SEEN.put(prefix + " beforeEach", manager);
            assertTrue(manager.isOpen());
        }

        @Test
        @Order(1)
        void fails(NDManager manager) {
            SEEN.put("first test", manager);
            SEEN.put("first test's field", perTest);
            fail("on purpose");
        }

        @Test
        @Order(2)
        void passes(NDManager manager, @TestManager(device = "cpu") NDManager cpu) {
            assertFalse(SEEN.get("first test").isOpen(), "the failed test's manager is closed before the next test");
            assertTrue(shared.isOpen());
            SEEN.put("second test", manager);
            SEEN.put("cpu parameter", cpu);
        }

        @AfterAll
        static void sharedIsOpenUntilTheEnd() {
            assertTrue(shared.isOpen());
        }
    }
}
