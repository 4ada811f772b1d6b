using System.Diagnostics;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Paths;
using Microsoft.Extensions.Logging;

namespace ClipHost.Engine.Data.Import;

/// <summary>
/// Runs a source into a store: candidates are decoded in parallel in chunks and written in source order, so the
/// store is the same whatever the thread count. Bad samples are skipped, counted and listed; the store appears
/// only when the whole import finished.
/// </summary>
public sealed class DatasetImporter(ILogger<DatasetImporter> logger)
{
    private const int ChunkSize = 512;

    public async Task<ImportReport> ImportAsync(
        IImportSource source,
        ImportOptions options,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var errors = ComponentOptions.Validate(options, "import");
        if (errors.Count > 0)
        {
            throw new OptionsValidationFailedException(errors);
        }
        // Checked before anything is read or deleted: a name such as ".." would make the stores root's parent the store.
        var (checkedName, nameError) = StoreName.Of(source, options.Name, "import.name");
        if (checkedName is not { } name)
        {
            throw new OptionsValidationFailedException([nameError!]);
        }
        var finalPath = RootedPath.Child(options.StoresRoot, name, "import.name");
        if (Directory.Exists(finalPath) && !options.Replace)
        {
            throw new OptionsValidationFailedException([new OptionError("import.name", $"store '{name}' already exists at {finalPath}; pass --replace to overwrite it")]);
        }
        RemoveStalePartials(options.StoresRoot, name);

        source.UseLimits(options);
        await source.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var decoder = new ImageDecoder(options.Resolution, options.Fit ?? source.DefaultFit, options.MaxPixels, options.MaxFileBytes);
        var splits = new SplitAssigner(options.Seed, options.ValFraction, options.TestFraction);
        var total = options.Limit is { } limit && source.CountHint is { } hint ? Math.Min(limit, hint) : options.Limit ?? source.CountHint;

        // Parallel decoding happens on pool threads; the caller's thread only enumerates and writes.
        return await Task.Run(
            () => Run(source, options, name, finalPath, decoder, splits, total, progress, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private ImportReport Run(
        IImportSource source,
        ImportOptions options,
        string name,
        string finalPath,
        ImageDecoder decoder,
        SplitAssigner splits,
        int? total,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var skipped = new SkipTally(logger);
        var processed = 0;
        using var writer = new StoreWriter(options.StoresRoot, name, options.Resolution);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

        var candidates = source.Enumerate(cancellationToken);
        if (options.Limit is { } limit)
        {
            candidates = candidates.Take(limit);
        }
        foreach (var chunk in CandidateChunks.Of(candidates, ChunkSize, options.MaxBytesInFlight))
        {
            var decoded = Decode(chunk, decoder, parallel);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (Write(writer, chunk[i], decoded[i], options, splits) is { } error)
                {
                    skipped.Add(chunk[i].Key, error);
                }
            }
            processed += chunk.Length;
            progress?.Report(new ImportProgress(processed, total, writer.Count, skipped.Count, clock.Elapsed));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var report = new ImportReport(
            Source: source.Id,
            Name: name,
            StorePath: finalPath,
            Imported: writer.Count,
            Skipped: skipped.Count,
            Splits: new Dictionary<string, int>(),
            SkipReasons: skipped.Reasons,
            SkippedSamples: skipped.Listed,
            Seconds: seconds,
            ImagesPerSecond: seconds > 0 ? processed / seconds : 0,
            ContentHash: string.Empty);
        if (writer.Count == 0)
        {
            throw new NothingImportedException(report);
        }
        var manifest = writer.Complete(name, source.Id, report, skipped.Count, options.Seed, options.ValFraction, options.TestFraction, options.Replace, source.Licences);
        logger.Imported(manifest.Count, finalPath, skipped.Count, seconds);
        return report with { Splits = manifest.Splits, ContentHash = manifest.ContentHash };
    }

    private static DecodeResult[] Decode(ImportCandidate[] chunk, ImageDecoder decoder, ParallelOptions parallel)
    {
        var decoded = new DecodeResult[chunk.Length];
        Parallel.For(0, chunk.Length, parallel, i => decoded[i] = chunk[i] switch
        {
            { Failure: { } failure } => DecodeResult.Fail(failure),
            { Image: { } image } => decoder.Decode(image),
            _ => DecodeResult.Fail("no image"),
        });
        return decoded;
    }

    /// <summary>Adds one decoded candidate to the store; returns why it was skipped instead, if it was.</summary>
    private static string? Write(StoreWriter writer, ImportCandidate candidate, DecodeResult decoded, ImportOptions options, SplitAssigner splits)
    {
        var captions = CaptionCleaner.Clean(candidate.Captions, options.MaxCaptionChars);
        if ((decoded.Error ?? (captions.Count == 0 ? "empty caption" : null)) is { } error)
        {
            return error;
        }
        var group = candidate.Group ?? candidate.Key;
        writer.Add(decoded.Rgb!, new StoredSample
        {
            Id = writer.Count,
            Key = candidate.Key,
            Captions = captions,
            Split = candidate.FixedSplit ?? splits.Assign(group),
            Group = group,
            Width = decoded.Width,
            Height = decoded.Height,
            Labels = candidate.Labels ?? new Dictionary<string, string>(),
            Meta = candidate.Meta ?? new Dictionary<string, string>(),
        });
        return null;
    }

    /// <summary>
    /// A killed import leaves a hidden partial directory; the next import of that name clears it. Only that name's:
    /// "foo"'s pattern would also match the partial of a running import of "foo-bar", so the rest must be the writer's
    /// suffix alone (a GUID's hex digits, no '-'). A link in its place is removed, never followed.
    /// </summary>
    private void RemoveStalePartials(string root, string name)
    {
        if (!Directory.Exists(root))
        {
            return;
        }
        var prefix = $"{StoreFiles.PartialPrefix}{name}-";
        foreach (var dir in Directory.EnumerateDirectories(root, prefix + "*"))
        {
            var suffix = Path.GetFileName(dir)[prefix.Length..];
            if (suffix.Length == 0 || suffix.Contains('-', StringComparison.Ordinal))
            {
                continue;
            }
            logger.RemovingPartial(dir);
            Directory.Delete(dir, recursive: new DirectoryInfo(dir).LinkTarget is null);
        }
    }
}
