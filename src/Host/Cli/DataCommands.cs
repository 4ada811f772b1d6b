using System.CommandLine;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Paths;

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
        data.Subcommands.Add(DataPlantNoiseCommand.Create());
        data.Subcommands.Add(DataFilterCommand.Create());
        data.Subcommands.Add(DataReportCommand.Create());
        root.Subcommands.Add(data);
        return root;
    }

    private static Command ImportCommand()
    {
        var import = new Command("import", "Import a dataset: the real sources (emoji, openclipart, fashion-mnist, all) install their packages when missing; csv, folder and webdataset read your own data");

        var styles = new Option<string[]>("--styles") { Description = $"Emoji drawing styles (default: all twelve; {EmojiStyle.Reserved} is reserved for evaluation and refused)", DefaultValueFactory = _ => [.. EmojiSource.AllStyles], AllowMultipleArgumentsPerToken = true };
        var noSkinTones = new Option<bool>("--no-skin-tones") { Description = "Leave out skin-tone variants" };
        import.Subcommands.Add(Source("emoji", "Emoji in twelve drawing styles (npm emoji-datasource-* PNGs, @iconify-json/* SVGs), captioned from emojibase-data", [styles, noSkinTones],
            (p, c) => c with { Styles = [.. p.GetValue(styles)!.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries))], SkinTones = !p.GetValue(noSkinTones) }));
        import.Subcommands.Add(Source("openclipart", "The Open Clip Art Library (apt openclipart-png + openclipart-svg metadata), noisy captions", [], (_, c) => c));
        import.Subcommands.Add(Source("fashion-mnist", "Fashion-MNIST (apt dataset-fashion-mnist), a labelled evaluation set", [], (_, c) => c));

        var manifest = new Argument<FileInfo>("manifest") { Description = "CSV or TSV file with a header row" };
        var imageColumn = new Option<string>("--image-column") { Description = "Column with image paths (relative to the manifest)", DefaultValueFactory = _ => "filepath" };
        var captionColumn = new Option<string>("--caption-column") { Description = "Column with captions", DefaultValueFactory = _ => "caption" };
        var labelColumn = new Option<string?>("--label-column") { Description = "Optional column with class labels" };
        var delimiter = new Option<char?>("--delimiter") { Description = "Field delimiter (default: tab for .tsv, comma otherwise)" };
        import.Subcommands.Add(Source("csv", "A CSV/TSV manifest of image paths and captions", [manifest, imageColumn, captionColumn, labelColumn, delimiter],
            (p, c) => c with
            {
                Path = p.GetValue(manifest)!.FullName,
                ImageColumn = p.GetValue(imageColumn)!,
                CaptionColumn = p.GetValue(captionColumn)!,
                LabelColumn = p.GetValue(labelColumn),
                Delimiter = p.GetValue(delimiter),
            }));

        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of images with same-named .txt captions" };
        import.Subcommands.Add(Source("folder", "A folder of images with same-named .txt captions", [folder], (p, c) => c with { Path = p.GetValue(folder)!.FullName }));

        var shards = new Argument<string>("path") { Description = "A WebDataset .tar shard or a folder of shards" };
        import.Subcommands.Add(Source("webdataset", "WebDataset tar shards (key.jpg|png|webp + key.txt + optional key.json)", [shards],
            (p, c) => c with { Path = Path.GetFullPath(p.GetValue(shards)!) }));

        import.Subcommands.Add(AllCommand());
        return import;
    }

    private static Command Source(string name, string description, IEnumerable<Symbol> extra, Func<ParseResult, ImportDatasetCommand, ImportDatasetCommand> specific)
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
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), (host, ct) =>
            ImportRunner.RunAsync(host.Services, specific(parse, ImportRequest.Resolve(parse, options, name)), ct), ct));
        return command;
    }

    private static readonly string[] RealSources = ["emoji", "openclipart", "fashion-mnist"];

    private static Command AllCommand()
    {
        var command = new Command("all", "Import every real source (emoji, openclipart, fashion-mnist), installing what is missing; stores already imported are kept unless --replace");
        var options = new ImportCommandOptions();
        foreach (var option in options.All.Where(o => o != options.Name))
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), async (host, ct) =>
        {
            var stores = host.Services.GetRequiredService<DataLayout>().Stores;
            var installer = host.Services.GetRequiredService<IDataPackages>();
            var exit = 0;
            foreach (var source in RealSources)
            {
                var request = ImportRequest.Resolve(parse, options, source);
                var existing = Path.Combine(stores, ImportSources.Create(request, installer).DefaultName);
                if (!request.Replace && File.Exists(Path.Combine(existing, ClipHost.Engine.Data.Store.StoreFiles.Manifest)))
                {
                    Console.WriteLine($"{source}: already imported at {existing} (--replace to import again)");
                    continue;
                }
                exit = Math.Max(exit, await ImportRunner.RunAsync(host.Services, request with { Replace = true }, ct).ConfigureAwait(false));
            }
            return exit;
        }, ct));
        return command;
    }
}
