package io.hingekit;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests an {@link NDManager} and closes it when its scope ends, also when the test fails, so test classes
 * carry no open/close boilerplate.
 *
 * <ul>
 *   <li>A parameter of type {@code NDManager} gets the manager of the scope that asks: in a test method and its
 *       {@code @BeforeEach}/{@code @AfterEach} methods, one manager per test (closed after {@code @AfterEach}); in a
 *       {@code @BeforeAll}/{@code @AfterAll} method, the class's manager (closed after {@code @AfterAll}).
 *   <li>A field marked {@link TestManager} is filled before the lifecycle methods run: a static field with the
 *       class's manager, an instance field with the test's.
 * </ul>
 *
 * <p>Managers are on the engine's default device unless {@link TestManager#device()} names one; within one scope,
 * every request for a device gets the same manager. JUnit closes them as it closes its extension stores.
 *
 * <pre>{@code
 * @ExtendWith(NDManagerExtension.class)
 * class DistanceTest {
 *     @TestManager
 *     private static NDManager manager;   // one for the class
 *
 *     @Test
 *     void zeroOnTheDiagonal(NDManager perTest) { ... }
 * }
 * }</pre>
 */
public final class NDManagerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            NDManagerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        for (Field field : managerFields(context.getRequiredTestClass(), true)) {
            field.set(null, manager(context, field.getAnnotation(TestManager.class).device()));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : managerFields(instance.getClass(), false)) {
                field.set(instance, manager(context, field.getAnnotation(TestManager.class).device()));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NDManager.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String device = parameter.findAnnotation(TestManager.class).map(TestManager::device).orElse("");
        return manager(context, device);
    }

    /**
     * The manager for {@code device} in the scope of {@code context}, opened on first use and closed with it. The
     * key names the scope because a lookup also searches the enclosing scopes' stores.
     */
    private static NDManager manager(ExtensionContext context, String device) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(List.of(context.getUniqueId(), device), key ->
                device.isEmpty() ? NDManager.newBaseManager() : NDManager.newBaseManager(Device.fromName(device)),
                NDManager.class);
    }

    private static List<Field> managerFields(Class<?> type, boolean statics) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(TestManager.class)
                        && Modifier.isStatic(field.getModifiers()) == statics) {
                    if (field.getType() != NDManager.class) {
                        throw new ExtensionConfigurationException(
                                "@TestManager field " + field + " must be of type NDManager");
                    }
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
