/**
 * Small helpers every package may use; today one: {@link io.hingekit.util.Checks}, the argument checks of all of
 * Hingekit, with one message style, {@code <name> must be <rule>, got <value>}, so that a bad parameter or config
 * value is always named together with what was given.
 *
 * <p>Builders call the checks from {@code build()}, constructors at their start. A rule that no method covers goes
 * through {@link io.hingekit.util.Checks#check}; add a method only when a rule recurs.
 *
 * <pre>{@code
 * this.capacity = Checks.positive("capacity", capacity);
 * Checks.check(power == 1 || power == 2, "power", "1 or 2", power);
 * }</pre>
 *
 * <p><b>Layering:</b> the bottom; imports no Hingekit package. The order, lowest first: util, files, loss, mining,
 * metrics, config, data, model, task, inference, export, search, training, tensorboard, cli; a package may import
 * only packages before it. drift and calibration stand apart and import only util and files.
 */
package io.hingekit.util;
