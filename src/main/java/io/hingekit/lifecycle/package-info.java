/**
 * What a team does with a trained classifier before and after it ships: one service per command, each reading the
 * model directory ({@link io.hingekit.model.ModelDirectory}) and either the model's own data (same seeded splits,
 * same saved scaling: {@code ModelData}) or a file.
 *
 * <ul>
 *   <li>{@link io.hingekit.lifecycle.ReportService}: the margin report of a split ({@code report}).
 *   <li>{@link io.hingekit.lifecycle.GateService}: thresholds of a config's {@code gate} section and checks against a
 *       baseline model; the verdict in {@code gate.json} ({@code gate}, and {@code train} with a gate).
 *   <li>{@link io.hingekit.lifecycle.CalibrationService}: Platt scaling on the validation scores, ECE and Brier on the
 *       test split before and after ({@code calibrate}; the statistics are in {@code calibration}).
 *   <li>{@link io.hingekit.lifecycle.ScoreService}: a file of raw rows scored in batches, written atomically
 *       ({@code score}).
 *   <li>{@link io.hingekit.lifecycle.DriftService}: two margin distributions compared ({@code drift}; the
 *       statistics are in {@code drift}).
 * </ul>
 *
 * <p>May use: {@code inference}, {@code task}, {@code model}, {@code data}, {@code metrics}, {@code config},
 * {@code drift}, {@code calibration}, {@code files}, {@code util}. Used by: {@code cli}, and {@code spark} (the
 * drift report and the saved reference margins).
 */
package io.hingekit.lifecycle;
