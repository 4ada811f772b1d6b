namespace ClipHost.Host.Jobs;

/// <summary>Source-generated log messages of the job layer.</summary>
internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} had no {Kind} job in this storage (restarted in-memory host); queued again as job {JobId}")]
    public static partial void Recovered(ILogger logger, string runId, string kind, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search {Search} had no advance job in this storage (restarted in-memory host); queued again as job {JobId}")]
    public static partial void SearchRecovered(ILogger logger, string search, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    public static partial void RunsRootNotShared(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving on {Urls}: dashboard {Dashboard}, API {Api}; storage {Storage}; {TrainingWorkers} training worker(s) on {Devices}")]
    public static partial void Serving(ILogger logger, string urls, string dashboard, string api, string storage, int trainingWorkers, string devices);
}
