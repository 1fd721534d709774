package io.hingekit.tensorboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What {@link RunInspector} found in a run directory: its event files, tags and their last values, restarts,
 * hyperparameters and any damaged records.
 *
 * @param runDir the directory
 * @param files event file names, oldest first
 * @param events number of events read
 * @param sessionStarts steps of the SessionLog START events (resumes)
 * @param tags one summary per tag, sorted by tag
 * @param hyperparameters the hparams session start values, or null when the run has none
 * @param problems corrupt or truncated records, with file and byte offset
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
        String runDir,
        List<String> files,
        long events,
        List<Long> sessionStarts,
        List<TagSummary> tags,
        Map<String, Object> hyperparameters,
        List<String> problems) {}
