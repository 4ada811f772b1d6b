using System.ComponentModel.DataAnnotations;

namespace ClipHost.Host.Options;

/// <summary>Where plugins are loaded from: one folder per plugin, &lt;Directory&gt;/&lt;Name&gt;/&lt;Name&gt;.dll.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>Relative paths resolve against the executable's folder, where the build puts the built-in plugins.</summary>
    [Required]
    public string Directory { get; set; } = "plugins";

    /// <summary>How often the service rescans the directory for new, changed and removed plugins (file events also wake it).</summary>
    [Range(100, 60_000)]
    public int ScanIntervalMs { get; set; } = 1000;

    public string FullPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, Directory));
}
