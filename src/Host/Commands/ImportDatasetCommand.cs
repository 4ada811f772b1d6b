using System.Text.Json.Serialization;
using ClipHost.Engine.Data.Import;

namespace ClipHost.Host.Commands;

/// <summary>
/// Import a dataset into a store: what `clip-host data import` runs here and now and POST /api/imports queues. Unset
/// values fall back to the Data section of the configuration.
/// </summary>
/// <param name="Source">emoji, openclipart, fashion-mnist, csv, folder or webdataset.</param>
/// <param name="Path">The manifest (csv), folder (folder) or shard/folder of shards (webdataset); none for the packaged sources.</param>
/// <param name="Name">Store name; the source's default when null.</param>
/// <param name="Limit">Import at most this many samples.</param>
/// <param name="Replace">Replace an existing store of that name.</param>
public sealed record ImportDatasetCommand(string Source, string? Path = null, string? Name = null, int? Limit = null, bool Replace = false) : ICommand<ImportReport>
{
    public static readonly IReadOnlyList<string> Sources = ["emoji", "openclipart", "fashion-mnist", "csv", "folder", "webdataset"];

    /// <summary>csv: the column of image paths (relative to the manifest).</summary>
    public string ImageColumn { get; init; } = "filepath";

    /// <summary>csv: the column of captions.</summary>
    public string CaptionColumn { get; init; } = "caption";

    /// <summary>csv: an optional column of class labels.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>csv: the field delimiter (tab for .tsv, comma otherwise).</summary>
    public char? Delimiter { get; init; }

    /// <summary>emoji: the drawing styles (all twelve when null).</summary>
    public IReadOnlyList<string>? Styles { get; init; }

    /// <summary>emoji: include skin-tone variants.</summary>
    public bool SkinTones { get; init; } = true;

    public int? Resolution { get; init; }
    public ImageFit? Fit { get; init; }
    public long? Seed { get; init; }
    public double? ValFraction { get; init; }
    public double? TestFraction { get; init; }
    public long? MaxPixels { get; init; }

    /// <summary>The CLI's progress bar; nothing a request can set.</summary>
    [JsonIgnore]
    public IProgress<ImportProgress>? Progress { get; init; }

    public bool NeedsPath => Source is "csv" or "folder" or "webdataset";

    public override string ToString() => $"{{ Source = {Source}, Path = {Path}, Name = {Name}, Limit = {Limit}, Replace = {Replace} }}";
}
