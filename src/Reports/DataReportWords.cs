using System.Text.RegularExpressions;

namespace ClipHost.Reports;

/// <summary>
/// The words a filter's dropped captions use far more often than its kept ones: words in at least twice the share of
/// dropped captions as of kept ones (add-half smoothed), in at least 3 or 1% of the dropped captions, and with a
/// difference of shares no chance split explains (z of at least 4), ranked by how many percentage points more of the
/// dropped captions use them.
/// </summary>
public static partial class DataReportWords
{
    public const double MinimumZ = 4;

    public static IReadOnlyList<DataReportWord> OverRepresented(IReadOnlyList<string> dropped, IReadOnlyList<string> kept, int top)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(kept);
        if (dropped.Count == 0 || kept.Count == 0 || top <= 0)
        {
            return [];
        }
        var inDropped = Frequencies(dropped);
        var inKept = Frequencies(kept);
        var minimum = Math.Max(3, (int)Math.Ceiling(dropped.Count * 0.01));
        return [.. inDropped
            .Where(kv => kv.Value >= minimum)
            .Select(kv => (Word: kv.Key, Dropped: kv.Value, Kept: inKept.GetValueOrDefault(kv.Key)))
            .Where(w => (w.Dropped + 0.5) / (dropped.Count + 1.0) >= 2 * (w.Kept + 0.5) / (kept.Count + 1.0))
            .Where(w => Z(w.Dropped, dropped.Count, w.Kept, kept.Count) >= MinimumZ)
            .OrderByDescending(w => ((double)w.Dropped / dropped.Count) - ((double)w.Kept / kept.Count))
            .ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(top)
            .Select(w => new DataReportWord(w.Word, w.Dropped, w.Kept, (double)w.Dropped / dropped.Count, (double)w.Kept / kept.Count))];
    }

    /// <summary>
    /// Two-proportion z statistic of the shares of dropped and kept captions using a word. A random subset differs from
    /// its complement by chance alone, with z rarely above 3 even over hundreds of words; 4 keeps that noise off the page.
    /// </summary>
    public static double Z(int dropped, int droppedTotal, int kept, int keptTotal)
    {
        var pooled = (double)(dropped + kept) / (droppedTotal + keptTotal);
        var error = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / droppedTotal) + (1.0 / keptTotal)));
        return error == 0 ? 0 : (((double)dropped / droppedTotal) - ((double)kept / keptTotal)) / error;
    }

    /// <summary>Words of a caption: runs of letters and digits, lower case, at least two characters.</summary>
    public static IEnumerable<string> Words(string caption) =>
        WordPattern().Matches(caption).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2);

    private static Dictionary<string, int> Frequencies(IReadOnlyList<string> captions)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var caption in captions)
        {
            foreach (var word in Words(caption).Distinct(StringComparer.Ordinal))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }
        return counts;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
