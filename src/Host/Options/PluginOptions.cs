using System.ComponentModel.DataAnnotations;

namespace ClipHost.Host.Options;

/// <summary>Where plugins are loaded from: one folder per plugin, &lt;Directory&gt;/&lt;Name&gt;/&lt;Name&gt;.dll.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>Relative paths resolve against the executable's folder, where the build puts the built-in plugins.</summary>
    [Required]
    public string Directory { get; set; } = "plugins";

    public string FullPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, Directory));
}
