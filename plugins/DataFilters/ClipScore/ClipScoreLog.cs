using Microsoft.Extensions.Logging;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>The filter's log messages.</summary>
internal static partial class ClipScoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "clip-score on {Dataset} (teacher {Teacher}): kept {Kept} of {Candidates} at {Rule}")]
    public static partial void LogKept(this ILogger logger, string dataset, string teacher, int kept, int candidates, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "clip-score: teacher {Teacher} trained on {Overlap} of the {Candidates} pairs it scores, and ranks what it memorised high; cross-fit with teachers trained on disjoint parts (docs/data-filters.md)")]
    public static partial void LogTeacherSawCandidates(this ILogger logger, string teacher, int overlap, int candidates);
}
