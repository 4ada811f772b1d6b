namespace ClipHost.Host.Plugins;

/// <summary>Source-generated log messages of the plugin catalog.</summary>
internal static partial class PluginLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} failed to load: {Reason}")]
    public static partial void PluginFailed(ILogger logger, string plugin, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin directory {Directory} does not exist; no plugins loaded")]
    public static partial void NoPluginDirectory(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} loaded: {Components}")]
    public static partial void PluginLoaded(ILogger logger, string plugin, string version, string components);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} removed; it unloads when its {Leases} running job(s) finish")]
    public static partial void PluginRemoved(ILogger logger, string plugin, int leases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin directory scan failed")]
    public static partial void ScanFailed(ILogger logger, Exception exception);
}
