/**
 * File plumbing shared by training, export and calibration: writing all-or-nothing
 * ({@link io.hingekit.files.AtomicFiles}: temporary file, flush, rename), checksums recorded in manifests
 * ({@link io.hingekit.files.FileChecksum}), little-endian binary output whose header is written last
 * ({@link io.hingekit.files.LittleEndianOutput}) and the NumPy {@code .npy} header
 * ({@link io.hingekit.files.NpyHeader}). No tensors and no Hingekit types: bytes, paths and JSON.
 *
 * <pre>{@code
 * AtomicFiles.writeJson(modelDir.resolve("metrics.json"), metrics);   // readers see the old file or the new one
 * }</pre>
 *
 * <p><b>Layering:</b> may import util only.
 */
package io.hingekit.files;
