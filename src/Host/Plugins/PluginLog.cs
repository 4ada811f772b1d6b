using Microsoft.Extensions.Logging;

namespace ClipHost.Host.Plugins;

/// <summary>Source-generated log messages of the plugin catalog.</summary>
internal static partial class PluginLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} failed to load: {Reason}")]
    public static partial void PluginFailed(ILogger logger, string plugin, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin directory {Directory} does not exist; no plugins loaded")]
    public static partial void NoPluginDirectory(ILogger logger, string directory);
}
