using System.ComponentModel.DataAnnotations;

namespace ClipHost.Host.Options;

/// <summary>Where training runs write: runs/&lt;name&gt;/ with checkpoints, metrics and evaluation results.</summary>
public sealed class RunsOptions
{
    public const string SectionName = "Runs";

    /// <summary>Relative to the working directory.</summary>
    [Required]
    public string Root { get; set; } = "runs";
}
