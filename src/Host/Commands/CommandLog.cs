namespace ClipHost.Host.Commands;

/// <summary>Source-generated log messages of the command pipeline and handlers.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} started: {@Arguments}")]
    public static partial void Started(ILogger logger, string command, object arguments);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} completed in {Seconds:F1} s")]
    public static partial void Completed(ILogger logger, string command, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} refused: {Errors}")]
    public static partial void Refused(ILogger logger, string command, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} cancelled after {Seconds:F1} s")]
    public static partial void Cancelled(ILogger logger, string command, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} failed after {Seconds:F1} s")]
    public static partial void Failed(ILogger logger, Exception exception, string command, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} created ({Source})")]
    public static partial void RunCreated(ILogger logger, string runId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: its folder held only an unfinished record (a process was killed while creating it); created anew")]
    public static partial void UnfinishedRunCleared(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} queued as job {JobId} ({Source})")]
    public static partial void RunQueued(ILogger logger, string runId, string jobId, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: training attempt {Attempt} from step {Step}")]
    public static partial void TrainingStarted(ILogger logger, string runId, int attempt, long step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: stopped for shutdown at a checkpoint; it resumes when a host picks its job up again")]
    public static partial void TrainingInterrupted(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: its record could not be updated with how the attempt ended ({Reason})")]
    public static partial void RecordNotUpdated(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: stopped at a checkpoint; submit it again to resume")]
    public static partial void TrainingStopped(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {Study}: {Cells} cells recorded ({Source}); precision {Precision}")]
    public static partial void StudyStarted(ILogger logger, string study, int cells, string source, string precision);
}
