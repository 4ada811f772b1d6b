using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClipHost.Engine.Filtering;

namespace ClipHost.Reports;

/// <summary>
/// What one filter of a subset did, read back from its decisions: who it kept and dropped, where its score cut lies
/// (one side, both sides for a band, or none), the pairs on either side of the cut, and the drop reasons.
/// </summary>
public sealed partial class DataReportStep
{
    private DataReportStep(int index, FilterLineage lineage, IReadOnlyList<FilterDecision>? decisions)
    {
        Index = index;
        Lineage = lineage;
        Recorded = decisions is not null;
        Decisions = decisions ?? [];
        Kept = [.. Decisions.Where(d => d.Kept)];
        Dropped = [.. Decisions.Where(d => !d.Kept)];
        HasScores = Decisions.Count > 0 && Decisions.All(d => d.Score is not null);
    }

    /// <summary>Position in the pipeline, from 0.</summary>
    public int Index { get; }

    public FilterLineage Lineage { get; }

    /// <summary>Whether the step's decisions file was there to read.</summary>
    public bool Recorded { get; }

    public IReadOnlyList<FilterDecision> Decisions { get; }

    public IReadOnlyList<FilterDecision> Kept { get; }

    public IReadOnlyList<FilterDecision> Dropped { get; }

    /// <summary>Whether the filter scored every candidate.</summary>
    public bool HasScores { get; }

    /// <summary>None (no scores, or nothing on one side), a lower cut, an upper cut, or both for a band.</summary>
    public IReadOnlyList<DataReportCut> Cuts { get; private set; } = [];

    /// <summary>Dropped pairs that no cut explains (a score inside the kept range): a seeded sample.</summary>
    public IReadOnlyList<FilterDecision> DroppedElsewhere { get; private set; } = [];

    public int DroppedElsewhereCount { get; private set; }

    public IReadOnlyList<DataReportReason> Reasons { get; private set; } = [];

    /// <summary>A seeded sample of kept pairs, for steps without a cut.</summary>
    public IReadOnlyList<FilterDecision> KeptSample { get; private set; } = [];

    public IReadOnlyList<DataReportWord> Words { get; private set; } = [];

    /// <summary>Where the decisions disagree with the lineage or are missing.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The step's decisions file relative to the subset folder.</summary>
    public string StepFile => Path.Combine(SubsetFiles.Steps, SubsetFiles.StepFile(Index, Lineage.Id));

    public static DataReportStep Analyse(
        int index, FilterLineage lineage, IReadOnlyList<FilterDecision>? decisions, Func<int, string?> caption, long seed, DataReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(options);
        var step = new DataReportStep(index, lineage, decisions);
        var n = options.Examples;
        var random = new Random(unchecked((int)seed + (31 * (index + 1))));
        step.Warnings = step.Check();
        var explained = step.FindCuts(n);
        var elsewhere = step.Cuts.Count > 0 ? step.Dropped.Where(d => !explained.Contains(d.Id)).ToList() : [];
        step.DroppedElsewhereCount = elsewhere.Count;
        step.DroppedElsewhere = Sample(elsewhere, n, random);
        step.Reasons = [.. step.Dropped
            .GroupBy(d => Fold(d.Reason))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, rank) => new DataReportReason(
                g.Key,
                g.Count(),
                g.First().Reason ?? g.Key,
                step.Cuts.Count == 0 && rank < options.TopReasons ? Sample([.. g], n, random) : []))];
        if (step.Cuts.Count == 0)
        {
            step.KeptSample = Sample(step.Kept, n, random);
        }
        step.Words = DataReportWords.OverRepresented(
            [.. step.Dropped.Select(d => caption(d.Id)).OfType<string>()], [.. step.Kept.Select(d => caption(d.Id)).OfType<string>()], options.TopWords);
        return step;
    }

    /// <summary>
    /// Sets the cuts a scored step makes (below its lowest kept score, above its highest) with the pairs nearest each
    /// side; returns the ids of the dropped pairs the cuts explain.
    /// </summary>
    private HashSet<int> FindCuts(int n)
    {
        var explained = new HashSet<int>();
        if (!HasScores || Kept.Count == 0 || Dropped.Count == 0)
        {
            return explained;
        }
        var lowKept = Kept.Min(d => d.Score!.Value);
        var highKept = Kept.Max(d => d.Score!.Value);
        var below = Dropped.Where(d => d.Score!.Value <= lowKept).ToList();
        var above = Dropped.Where(d => d.Score!.Value > highKept).ToList();
        var cuts = new List<DataReportCut>();
        if (below.Count > 0)
        {
            var threshold = Threshold(Lineage.Options);
            var value = threshold is { } t && t <= lowKept && below.All(d => d.Score!.Value < t) ? t : lowKept;
            cuts.Add(new DataReportCut(
                DataReportCut.Lower,
                value,
                below.Count,
                [.. Kept.OrderBy(d => d.Score).ThenBy(d => d.Id).Take(n)],
                [.. below.OrderByDescending(d => d.Score).ThenBy(d => d.Id).Take(n)],
                [.. below.OrderBy(d => d.Score).ThenBy(d => d.Id).Take(n)]));
        }
        if (above.Count > 0)
        {
            cuts.Add(new DataReportCut(
                DataReportCut.Upper,
                highKept,
                above.Count,
                [.. Kept.OrderByDescending(d => d.Score).ThenBy(d => d.Id).Take(n)],
                [.. above.OrderBy(d => d.Score).ThenBy(d => d.Id).Take(n)],
                [.. above.OrderByDescending(d => d.Score).ThenBy(d => d.Id).Take(n)]));
        }
        Cuts = cuts;
        explained.UnionWith(below.Concat(above).Select(d => d.Id));
        return explained;
    }

    /// <summary>The step in one line, as the CLI prints it: the counts, then <see cref="Details"/>.</summary>
    public string Summary()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Index + 1}. {Lineage.Id}: dropped {Lineage.Dropped:N0} of {Lineage.In:N0} ({Percent(Lineage.Dropped, Lineage.In)}), kept {Lineage.Kept:N0}");
        return string.Concat([line, .. Details(words: true).Select(d => "; " + d)]);
    }

    /// <summary>What the counts do not say: the cut, the most common reason, the words the dropped captions over-use.</summary>
    public IReadOnlyList<string> Details(bool words)
    {
        var inv = CultureInfo.InvariantCulture;
        var details = new List<string>();
        if (!Recorded)
        {
            details.Add("no decisions recorded");
        }
        foreach (var cut in Cuts)
        {
            details.Add(string.Create(inv, $"{(cut.Side == DataReportCut.Lower ? "kept scores ≥" : "kept scores ≤")} {FormatScore(cut.Value)} ({cut.Dropped:N0} dropped on that side)"));
        }
        if (Cuts.Count == 0 && Reasons.Count > 0)
        {
            details.Add(string.Create(inv, $"most common reason \"{Reasons[0].Pattern}\" ({Reasons[0].Count:N0})"));
        }
        if (words && Words.Count > 0)
        {
            details.Add("dropped captions over-use " + string.Join(", ", Words.Take(5).Select(w => $"\"{w.Word}\" ({Share(w.DroppedShare)} vs {Share(w.KeptShare)})")));
        }
        return details;
    }

    public static string FormatScore(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>A share as a percentage, with a decimal only where it matters (0.4%, 28%).</summary>
    public static string Share(double share) =>
        (100 * share).ToString(share >= 0.1 || share == 0 ? "F0" : "F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>A reason with its numbers folded, so "clip score 0.12 below ..." for every pair counts as one reason.</summary>
    public static string Fold(string? reason) => reason is null ? "(no reason given)" : Numbers().Replace(reason, "#");

    private List<string> Check()
    {
        var warnings = new List<string>();
        if (!Recorded)
        {
            warnings.Add($"{StepFile} is missing: this step's decisions were not recorded, so only its counts are shown");
        }
        else if (Decisions.Count != Lineage.In || Kept.Count != Lineage.Kept)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{StepFile} holds {Decisions.Count} decisions ({Kept.Count} kept) but the lineage says {Lineage.In} in, {Lineage.Kept} kept"));
        }
        return warnings;
    }

    private static IReadOnlyList<FilterDecision> Sample(IReadOnlyList<FilterDecision> items, int n, Random random)
    {
        if (items.Count <= n)
        {
            return [.. items.OrderBy(d => d.Id)];
        }
        var copy = items.ToArray();
        random.Shuffle(copy);
        return [.. copy.Take(n).OrderBy(d => d.Id)];
    }

    private static float? Threshold(JsonElement? options) =>
        options is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("threshold", out var t) && t.ValueKind == JsonValueKind.Number
            ? t.GetSingle()
            : null;

    [GeneratedRegex(@"-?\d+(?:[.,]\d+)*")]
    private static partial Regex Numbers();
}
