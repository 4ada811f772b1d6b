using System.Globalization;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Paths;

namespace ClipHost.Reports;

/// <summary>
/// `clip-host data report`: an HTML page about a subset, written next to it as report/index.html with its PNG plots
/// (ScottPlot) and report/img/&lt;id&gt;.png thumbnails, so the folder can be zipped and opened anywhere. Per filter step:
/// counts, a score histogram with the cut, a caption-length histogram, and the pairs kept and dropped around the cut.
/// </summary>
public static class DataReport
{
    public const string Folder = "report";
    public const string Index = "index.html";
    public const string DatasetWordsPlot = "dataset-caption-words.png";

    public static string ScorePlot(DataReportStep step) => StepName(step, "scores");

    public static string WordsPlot(DataReportStep step) => StepName(step, "caption-words");

    public static string Thumbnail(int id) => string.Create(CultureInfo.InvariantCulture, $"img/{id}.png");

    /// <summary>
    /// Writes the report of the subset in <paramref name="subsetFolder"/> over its store under <paramref name="storesRoot"/>.
    /// Refuses a folder without subset.json and a store that is gone; a store whose content hash changed still gets its
    /// report, with the warning at the top. The old report is replaced only once the new one is complete.
    /// </summary>
    public static DataReportResult Write(string subsetFolder, string storesRoot, DataReportOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(subsetFolder);
        ArgumentNullException.ThrowIfNull(storesRoot);
        options ??= new DataReportOptions();
        options.Validate();
        var folder = Path.GetFullPath(subsetFolder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} does not exist");
        }
        var subset = SubsetFiles.Read(folder)
            ?? throw new FileNotFoundException($"{folder} holds no {SubsetFiles.Record}: it is not a subset folder", Path.Combine(folder, SubsetFiles.Record));
        // subset.json is a file on disk, not trusted to name a path: its store is a name under the stores root.
        var storePath = RootedPath.Child(storesRoot, subset.Store, "store");
        if (!File.Exists(Path.Combine(storePath, StoreFiles.Manifest)))
        {
            throw new DirectoryNotFoundException($"subset '{subset.Name}' was made from store '{subset.Store}', which is not at {storePath} (deleted, renamed, or another data root?)");
        }
        using var store = ClipStore.Open(storePath);

        string? Caption(int id) => id >= 0 && id < store.Count && store.Samples[id].Captions.Count > 0 ? store.Samples[id].Captions[0] : null;
        var steps = subset.Lineage.Select((lineage, i) =>
            DataReportStep.Analyse(i, lineage, ReadDecisions(folder, i, lineage.Id), Caption, subset.Seed, options)).ToList();
        IReadOnlyList<int>? candidates = steps.Count == 0 ? subset.Ids
            : steps[0].Recorded ? [.. steps[0].Decisions.Select(d => d.Id)]
            : null;
        var warnings = new List<string>();
        if (store.ContentHash != subset.StoreContentHash)
        {
            warnings.Add($"store '{subset.Store}' has content hash {store.ContentHash}, but the subset was made from {subset.StoreContentHash}: it was re-imported or changed, so ids may point at other pairs");
        }
        warnings.AddRange(steps.SelectMany(s => s.Warnings));

        var page = new DataReportPage(subset, store, steps, candidates);
        var html = page.Render((clock ?? TimeProvider.System).GetUtcNow());
        var target = WriteFolder(folder, temp =>
        {
            WritePlots(temp, subset, store, steps, candidates);
            foreach (var id in page.Thumbnails)
            {
                DataReportThumbnails.Write(store, id, options.ThumbnailSize, Path.Combine(temp, Thumbnail(id)));
            }
            File.WriteAllText(Path.Combine(temp, Index), html);
        });
        return new DataReportResult(Path.Combine(target, Index), subset, store.ContentHash == subset.StoreContentHash, warnings, [.. steps.Select(s => s.Summary())]);
    }

    /// <summary>Writes the report into a hidden folder beside it and swaps it in only once complete.</summary>
    private static string WriteFolder(string folder, Action<string> write)
    {
        var temp = Path.Combine(folder, $".{Folder}-{Environment.ProcessId}.tmp");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(temp, "img"));
        try
        {
            write(temp);
            var target = Path.Combine(folder, Folder);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.Move(temp, target);
            return target;
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
            throw;
        }
    }

    private static void WritePlots(string dir, SubsetRecord subset, ClipStore store, IReadOnlyList<DataReportStep> steps, IReadOnlyList<int>? candidates)
    {
        var kept = subset.Ids.ToHashSet();
        var pool = (candidates ?? subset.Ids).Where(id => id >= 0 && id < store.Count);
        DataReportPlots.Histogram(
            DataReportHistogram.Of([.. pool.Select(id => ((double)Words(store, id), kept.Contains(id)))]),
            "Caption length, candidates of the whole pipeline", "words in the primary caption", [], Path.Combine(dir, DatasetWordsPlot));
        foreach (var step in steps.Where(s => s.Recorded))
        {
            if (step.HasScores)
            {
                DataReportPlots.Histogram(
                    DataReportHistogram.Of([.. step.Decisions.Select(d => ((double)d.Score!.Value, d.Kept))]),
                    $"{step.Index + 1}. {step.Lineage.Id}: scores", "score", step.Cuts, Path.Combine(dir, ScorePlot(step)));
            }
            DataReportPlots.Histogram(
                DataReportHistogram.Of([.. step.Decisions.Where(d => d.Id >= 0 && d.Id < store.Count).Select(d => ((double)Words(store, d.Id), d.Kept))]),
                $"{step.Index + 1}. {step.Lineage.Id}: caption length", "words in the primary caption", [], Path.Combine(dir, WordsPlot(step)));
        }
    }

    /// <summary>Words as the caption-length filter counts them: runs of non-whitespace.</summary>
    private static int Words(ClipStore store, int id) =>
        store.Samples[id].Captions is { Count: > 0 } c ? c[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length : 0;

    private static string StepName(DataReportStep step, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"step-{step.Index + 1:D2}-{what}.png");

    private static IReadOnlyList<FilterDecision>? ReadDecisions(string folder, int index, string filterId) =>
        File.Exists(Path.Combine(folder, SubsetFiles.Steps, SubsetFiles.StepFile(index, filterId))) ? SubsetFiles.ReadStep(folder, index, filterId) : null;
}
