using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using Mediator;

namespace ClipHost.Host.Commands;

/// <summary>Import a dataset into a store, as `clip-host data import` does.</summary>
/// <param name="Source">emoji, openclipart, fashion-mnist, csv, folder or webdataset.</param>
/// <param name="Path">The manifest (csv), folder (folder) or shard/folder of shards (webdataset); none for the packaged sources.</param>
/// <param name="Name">Store name; the source's default when null.</param>
/// <param name="Limit">Import at most this many samples.</param>
/// <param name="Replace">Replace an existing store of that name.</param>
public sealed record ImportDatasetCommand(string Source, string? Path = null, string? Name = null, int? Limit = null, bool Replace = false) : ICommand<ImportReport>
{
    public static readonly IReadOnlyList<string> Sources = ["emoji", "openclipart", "fashion-mnist", "csv", "folder", "webdataset"];

    public bool NeedsPath => Source is "csv" or "folder" or "webdataset";

    /// <summary>The source that reads the user's own files at <see cref="Path"/>; null for the packaged sources.</summary>
    public IImportSource? PathSource() => Source switch
    {
        "csv" => new CsvManifestSource(System.IO.Path.GetFullPath(Path!), "filepath", "caption", null, null),
        "folder" => new CaptionedFolderSource(System.IO.Path.GetFullPath(Path!)),
        "webdataset" => new WebDatasetSource(System.IO.Path.GetFullPath(Path!)),
        _ => null,
    };
}
