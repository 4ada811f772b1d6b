using System.ComponentModel.DataAnnotations;

namespace ClipHost.Host.Options;

/// <summary>Where data lives and how imports run unless a command says otherwise.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>
    /// Root folder: stores/, subsets/ (filtered cuts), scores/ (teacher scores) and sources/ (package caches); see
    /// <see cref="ClipHost.Engine.Paths.DataLayout"/>. Relative to the working directory.
    /// </summary>
    [Required]
    public string Root { get; set; } = "data";

    /// <summary>Side of the stored square images.</summary>
    [Range(8, 1024)]
    public int Resolution { get; set; } = 64;

    /// <summary>Seed of the deterministic splits.</summary>
    public long Seed { get; set; }

    [Range(0.0, 0.9)]
    public double ValFraction { get; set; } = 0.05;

    [Range(0.0, 0.9)]
    public double TestFraction { get; set; } = 0.1;

    /// <summary>Images whose header claims more pixels are skipped unread.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// Where imports requested over the API may read from (CSV manifests, folders, shards); the data root when unset.
    /// Requests name paths inside it (relative paths are taken from it); the CLI reads wherever its user can.
    /// </summary>
    public string? ImportRoot { get; set; }

    public string ImportRootPath => Path.GetFullPath(string.IsNullOrEmpty(ImportRoot) ? Root : ImportRoot);

}
