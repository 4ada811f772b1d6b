using Microsoft.Extensions.Logging;

namespace ClipHost.Packages;

/// <summary>Source-generated log messages of the package installer.</summary>
internal static partial class PackagesLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Installing {Packages} with {Tool}")]
    public static partial void Installing(this ILogger logger, string packages, string tool);
}
