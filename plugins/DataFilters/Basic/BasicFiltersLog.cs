using Microsoft.Extensions.Logging;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>The basic filters' log messages: one summary line per filter run.</summary>
internal static partial class BasicFiltersLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "english on {Dataset}: kept {Kept} of {Candidates} ({Words} words and {Names} names from {Dictionary})")]
    public static partial void LogEnglish(this ILogger logger, string dataset, int kept, int candidates, int words, int names, string dictionary);

    [LoggerMessage(Level = LogLevel.Information, Message = "image-size on {Dataset}: kept {Kept} of {Candidates}")]
    public static partial void LogImageSize(this ILogger logger, string dataset, int kept, int candidates);

    [LoggerMessage(Level = LogLevel.Information, Message = "dedup-exact on {Dataset}: kept {Kept} of {Candidates} ({Groups} groups of identical images)")]
    public static partial void LogExactDedup(this ILogger logger, string dataset, int kept, int candidates, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "dedup-phash on {Dataset}: kept {Kept} of {Candidates} (maxDistance {MaxDistance})")]
    public static partial void LogPhashDedup(this ILogger logger, string dataset, int kept, int candidates, int maxDistance);

    [LoggerMessage(Level = LogLevel.Information, Message = "vocabulary on {Dataset}: kept {Kept} of {Candidates} ({Terms} terms, match all: {MatchAll})")]
    public static partial void LogVocabulary(this ILogger logger, string dataset, int kept, int candidates, int terms, bool matchAll);
}
