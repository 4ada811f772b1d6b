using System.CommandLine;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Host.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host data import &lt;source&gt;` and `clip-host data list`.</summary>
public static class DataCommands
{
    public static RootCommand AddDataCommands(this RootCommand root)
    {
        var data = new Command("data", "Import image-text datasets into compact stores, list and merge them, filter them into subsets and report on what a filter kept and dropped");
        data.Subcommands.Add(ImportCommand());
        data.Subcommands.Add(DataListCommand.Create());
        data.Subcommands.Add(DataMergeCommand.Create());
        data.Subcommands.Add(DataFilterCommand.Create());
        data.Subcommands.Add(DataReportCommand.Create());
        root.Subcommands.Add(data);
        return root;
    }

    private static Command ImportCommand()
    {
        var import = new Command("import", "Import a dataset: the real sources (emoji, openclipart, fashion-mnist, all) install their packages when missing; csv, folder and webdataset read your own data");

        var styles = new Option<string[]>("--styles") { Description = "Emoji vendor styles", DefaultValueFactory = _ => [.. EmojiSource.AllStyles], AllowMultipleArgumentsPerToken = true };
        var noSkinTones = new Option<bool>("--no-skin-tones") { Description = "Leave out skin-tone variants" };
        import.Subcommands.Add(Source("emoji", "Emoji in four vendor styles (npm emoji-datasource-*), captioned from emojibase-data", [styles, noSkinTones],
            (p, installer) => new EmojiSource(installer, p.GetValue(styles)!.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList(), !p.GetValue(noSkinTones))));
        import.Subcommands.Add(Source("openclipart", "The Open Clip Art Library (apt openclipart-png + openclipart-svg metadata), noisy captions", [],
            (_, installer) => new OpenClipArtSource(installer)));
        import.Subcommands.Add(Source("fashion-mnist", "Fashion-MNIST (apt dataset-fashion-mnist), a labelled evaluation set", [],
            (_, installer) => new FashionMnistSource(installer)));

        var manifest = new Argument<FileInfo>("manifest") { Description = "CSV or TSV file with a header row" };
        var imageColumn = new Option<string>("--image-column") { Description = "Column with image paths (relative to the manifest)", DefaultValueFactory = _ => "filepath" };
        var captionColumn = new Option<string>("--caption-column") { Description = "Column with captions", DefaultValueFactory = _ => "caption" };
        var labelColumn = new Option<string?>("--label-column") { Description = "Optional column with class labels" };
        var delimiter = new Option<char?>("--delimiter") { Description = "Field delimiter (default: tab for .tsv, comma otherwise)" };
        import.Subcommands.Add(Source("csv", "A CSV/TSV manifest of image paths and captions", [manifest, imageColumn, captionColumn, labelColumn, delimiter],
            (p, _) => new CsvManifestSource(p.GetValue(manifest)!.FullName, p.GetValue(imageColumn)!, p.GetValue(captionColumn)!, p.GetValue(labelColumn), p.GetValue(delimiter))));

        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of images with same-named .txt captions" };
        import.Subcommands.Add(Source("folder", "A folder of images with same-named .txt captions", [folder],
            (p, _) => new CaptionedFolderSource(p.GetValue(folder)!.FullName)));

        var shards = new Argument<string>("path") { Description = "A WebDataset .tar shard or a folder of shards" };
        import.Subcommands.Add(Source("webdataset", "WebDataset tar shards (key.jpg|png|webp + key.txt + optional key.json)", [shards],
            (p, _) => new WebDatasetSource(Path.GetFullPath(p.GetValue(shards)!))));

        import.Subcommands.Add(AllCommand());
        return import;
    }

    private static Command Source(string name, string description, IEnumerable<Symbol> extra, Func<ParseResult, IDataPackages, IImportSource> create)
    {
        var command = new Command(name, description);
        var options = new ImportCommandOptions();
        options.AddTo(command);
        foreach (var symbol in extra)
        {
            switch (symbol)
            {
                case Argument a: command.Arguments.Add(a); break;
                case Option o: command.Options.Add(o); break;
            }
        }
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddDataImport(), (host, ct) =>
        {
            var data = host.Services.GetRequiredService<IOptions<DataOptions>>().Value;
            var installer = host.Services.GetRequiredService<IDataPackages>();
            var request = ImportRequest.Resolve(parse, options, data, host.Services.GetRequiredService<ClipHost.Engine.Paths.DataLayout>());
            return ImportRunner.RunAsync(host.Services, create(parse, installer), request, ct);
        }, ct));
        return command;
    }

    private static Command AllCommand()
    {
        var command = new Command("all", "Import every real source (emoji, openclipart, fashion-mnist), installing what is missing; stores already imported are kept unless --replace");
        var options = new ImportCommandOptions();
        foreach (var option in options.All.Where(o => o != options.Name))
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddDataImport(), async (host, ct) =>
        {
            var data = host.Services.GetRequiredService<IOptions<DataOptions>>().Value;
            var installer = host.Services.GetRequiredService<IDataPackages>();
            IImportSource[] sources = [new EmojiSource(installer, EmojiSource.AllStyles, skinTones: true), new OpenClipArtSource(installer), new FashionMnistSource(installer)];
            var exit = 0;
            foreach (var source in sources)
            {
                var request = ImportRequest.Resolve(parse, options, data, host.Services.GetRequiredService<ClipHost.Engine.Paths.DataLayout>());
                var existing = Path.Combine(request.StoresRoot, source.DefaultName);
                if (!request.Replace && File.Exists(Path.Combine(existing, ClipHost.Engine.Data.Store.StoreFiles.Manifest)))
                {
                    Console.WriteLine($"{source.Id}: already imported at {existing} (--replace to import again)");
                    continue;
                }
                exit = Math.Max(exit, await ImportRunner.RunAsync(host.Services, source, request with { Replace = true }, ct).ConfigureAwait(false));
            }
            return exit;
        }, ct));
        return command;
    }
}
