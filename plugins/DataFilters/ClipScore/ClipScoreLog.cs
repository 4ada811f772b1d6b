using Microsoft.Extensions.Logging;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>The filter's log messages.</summary>
internal static partial class ClipScoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "clip-score on {Dataset} (teacher {Teacher}): kept {Kept} of {Candidates} at {Rule}")]
    public static partial void LogKept(this ILogger logger, string dataset, string teacher, int kept, int candidates, string rule);
}
