using System.Text.RegularExpressions;

namespace ClipHost.Engine.Reports;

/// <summary>
/// The words a filter's dropped captions use far more often than its kept ones: words in at least twice the share of
/// dropped captions as of kept ones (add-half smoothed, and in at least 3 or 1% of the dropped captions, so a rare
/// word cannot make the list by chance), ranked by how many percentage points more of the dropped captions use them.
/// </summary>
public static partial class DataReportWords
{
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
            .OrderByDescending(w => ((double)w.Dropped / dropped.Count) - ((double)w.Kept / kept.Count))
            .ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(top)
            .Select(w => new DataReportWord(w.Word, w.Dropped, w.Kept, (double)w.Dropped / dropped.Count, (double)w.Kept / kept.Count))];
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
