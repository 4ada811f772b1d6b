using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Packages;

namespace ClipHost.Host.Commands;

/// <summary>The one place an import's source is built from its command, for every front end.</summary>
public static class ImportSources
{
    /// <summary>The source that reads the user's own files at the command's path; null for the packaged sources.</summary>
    public static IImportSource? FromPath(ImportDatasetCommand c) => c.Source switch
    {
        "csv" => new CsvManifestSource(Path.GetFullPath(c.Path!), c.ImageColumn, c.CaptionColumn, c.LabelColumn, c.Delimiter),
        "folder" => new CaptionedFolderSource(Path.GetFullPath(c.Path!)),
        "webdataset" => new WebDatasetSource(Path.GetFullPath(c.Path!)),
        _ => null,
    };

    public static IImportSource Create(ImportDatasetCommand c, IDataPackages installer) => FromPath(c) ?? c.Source switch
    {
        "emoji" => new EmojiSource(installer, c.Styles is { Count: > 0 } styles ? [.. styles] : EmojiSource.AllStyles, c.SkinTones, svg: new LibrsvgRasteriser(installer)),
        "openclipart" => new OpenClipArtSource(installer),
        "fashion-mnist" => new FashionMnistSource(installer),
        _ => throw new ArgumentException($"unknown source '{c.Source}'", nameof(c)),
    };
}
