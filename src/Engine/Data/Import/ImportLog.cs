using Microsoft.Extensions.Logging;

namespace ClipHost.Engine.Data.Import;

/// <summary>Source-generated log messages of the import pipeline.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Imported} samples into {Store} ({Skipped} skipped) in {Seconds:F1} s")]
    public static partial void Imported(this ILogger logger, int imported, string store, int skipped, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Key}: {Reason}")]
    public static partial void SkippedSample(this ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing {Partial}, left by an import that did not finish")]
    public static partial void RemovingPartial(this ILogger logger, string partial);
}
